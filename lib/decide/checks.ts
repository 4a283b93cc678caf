import type { Consumer } from '../drift/types.js';
import type { Finding } from '../plan/types.js';
import type { ResolvedReference } from '../refs/types.js';
import type { Service, Snapshot, TaskDefinition } from '../snapshot/types.js';
import { primaryDeployment } from './assess.js';
import type { Policy } from './policy.js';

/**
 * The seam for drift and preflight checks: given one consumer and its
 * references, the findings about whether its next task start can fetch its
 * secrets. A critical finding blocks a redeploy or signal of that consumer.
 */
export type ConsumerCheck = (
  snapshot: Snapshot,
  consumer: Consumer,
  refs: ResolvedReference[],
  policy: Policy,
) => Finding[];

/** The consumer a service's next task start would be: its current task definition and placement. */
export function serviceConsumer(
  service: Service,
  taskDefinition: TaskDefinition | undefined,
): Consumer {
  const vpc = service.networkConfiguration?.awsvpcConfiguration;
  const awsvpc = taskDefinition === undefined || taskDefinition.networkMode === 'awsvpc';
  const primary = primaryDeployment(service);

  return {
    kind: 'service',
    arn: service.serviceArn,
    clusterArn: service.clusterArn,
    taskDefinition,
    network:
      vpc !== undefined && awsvpc
        ? {
            subnets: vpc.subnets,
            securityGroups: vpc.securityGroups,
            assignPublicIp: vpc.assignPublicIp === 'ENABLED',
          }
        : null,
    launchType: service.launchType ?? primary?.launchType ?? null,
    platformVersion: service.platformVersion ?? primary?.platformVersion ?? null,
  };
}

/** Runs every check on one consumer. */
export function runChecks(
  checks: readonly ConsumerCheck[],
  snapshot: Snapshot,
  consumer: Consumer,
  refs: ResolvedReference[],
  policy: Policy,
): Finding[] {
  return checks.flatMap((check) => check(snapshot, consumer, refs, policy));
}
