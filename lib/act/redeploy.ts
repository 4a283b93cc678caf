import { type ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import type { Action } from '../plan/types.js';
import { RedeployError } from './errors.js';

/**
 * Forces a new deployment of the service on its current task definition
 * (never a new revision) and returns the id of the new PRIMARY deployment.
 */
export async function redeploy(ecs: ECSClient, action: Action): Promise<string | null> {
  try {
    const response = await ecs.send(
      new UpdateServiceCommand({
        cluster: action.clusterArn,
        service: action.serviceArn,
        forceNewDeployment: true,
      }),
    );
    const primary = response.service?.deployments?.find((d) => d.status === 'PRIMARY');
    return primary?.id ?? null;
  } catch (cause) {
    throw new RedeployError(`cannot redeploy ${action.serviceArn}`, { cause });
  }
}
