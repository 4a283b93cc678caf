import type { Service, Snapshot } from '../snapshot/types.js';

/** True while a service has a deployment rolling out. */
function rollingOut(service: Service): boolean {
  if (service.status !== 'ACTIVE') return false;
  const live = service.deployments.filter((d) => d.status !== 'INACTIVE');
  // During a rollout ECS keeps the old deployment ACTIVE beside the PRIMARY one.
  return live.length > 1 || live.some((d) => d.rolloutState === 'IN_PROGRESS');
}

/** Deployments in flight per cluster ARN, as the snapshot shows them. */
export function deploymentsInFlight(snapshot: Snapshot | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const service of snapshot?.services ?? []) {
    if (!rollingOut(service)) continue;
    counts.set(service.clusterArn, (counts.get(service.clusterArn) ?? 0) + 1);
  }
  return counts;
}

/** The rollout budget of each cluster: deployments in flight against a cap. */
export type Budget = {
  /** True when the cluster has room for one more deployment. */
  hasRoom(clusterArn: string): boolean;
  /** Counts a deployment just started. */
  spend(clusterArn: string): void;
};

/** A budget that starts from the deployments already in flight. */
export function createBudget(inFlight: Map<string, number>, perCluster: number): Budget {
  const counts = new Map(inFlight);
  return {
    hasRoom: (clusterArn) => (counts.get(clusterArn) ?? 0) < perCluster,
    spend: (clusterArn) => {
      counts.set(clusterArn, (counts.get(clusterArn) ?? 0) + 1);
    },
  };
}

/** Spaces calls `1000 / rate` ms apart, measured on the given clock. */
export function createPacer(
  rate: number,
  now: () => Date,
  sleep: (ms: number) => Promise<void>,
): () => Promise<void> {
  const interval = 1000 / rate;
  let last: number | null = null;
  return async () => {
    if (last !== null) {
      const wait = last + interval - now().getTime();
      if (wait > 0) await sleep(wait);
    }
    last = now().getTime();
  };
}
