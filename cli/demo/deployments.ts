import { DescribeServicesCommand, type ECSClient } from '@aws-sdk/client-ecs';
import type { SeededService } from './seed.js';

/** The PRIMARY deployment id of each service, by service ARN (null when it has none). */
export type DeploymentIds = Record<string, string | null>;

/** Reads each service's PRIMARY deployment id back with DescribeServices. */
export async function deploymentIds(
  ecs: ECSClient,
  services: readonly SeededService[],
): Promise<DeploymentIds> {
  const byCluster = new Map<string, string[]>();
  for (const service of services) {
    byCluster.set(service.clusterArn, [
      ...(byCluster.get(service.clusterArn) ?? []),
      service.arn,
    ]);
  }

  const ids: DeploymentIds = {};
  for (const [cluster, arns] of byCluster) {
    const described = await ecs.send(
      new DescribeServicesCommand({ cluster, services: arns }),
    );
    for (const service of described.services ?? []) {
      const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
      ids[service.serviceArn!] = primary?.id ?? null;
    }
  }
  return ids;
}

/** The ARNs whose deployment id differs between two readings. */
export function changedDeployments(
  before: DeploymentIds,
  after: DeploymentIds,
): string[] {
  return Object.keys(after).filter((arn) => after[arn] !== before[arn]);
}
