import type { Trigger } from '../../../lib/events/types.js';
import type { Snapshot } from '../../../lib/snapshot/types.js';
import { loadExampleFleet } from '../../support/snapshots.js';

/** Names in examples/fleet.json, for drift integration tables. */
export const FLEET_ACCOUNT = '111122223333';
const ECS = `arn:aws:ecs:us-east-1:${FLEET_ACCOUNT}`;

export const fleetCluster = (name: string) => `${ECS}:cluster/${name}`;
export const fleetService = (cluster: string, name: string) =>
  `${ECS}:service/${cluster}/${name}`;
export const fleetTaskDefinition = (family: string, revision: number) =>
  `${ECS}:task-definition/${family}:${revision}`;
export const fleetSecret = (id: string) =>
  `arn:aws:secretsmanager:us-east-1:${FLEET_ACCOUNT}:secret:${id}`;

/** A fresh copy of the example fleet, loaded through the real schema. */
export function fleet(): Snapshot {
  return loadExampleFleet();
}

/** The decision time of the example fleet. */
export function fleetNow(snapshot: Snapshot): Date {
  return new Date(snapshot.capturedAt);
}

const BASE = { eventId: null, account: FLEET_ACCOUNT, region: 'us-east-1' } as const;

/** A full manual resync at `at`. */
export function resyncAt(at: Date): Trigger {
  const secrets: string[] = [];
  return {
    ...BASE,
    kind: 'resync',
    source: 'manual',
    clusters: [],
    secrets,
    at: at.toISOString(),
  };
}

/** A stopped task of the fleet. */
export function taskStopped(
  at: Date,
  task: {
    cluster: string;
    id: string;
    group: string | null;
    taskDefinitionArn: string | null;
    stopCode: string | null;
    stoppedReason: string | null;
  },
): Trigger {
  return {
    ...BASE,
    kind: 'taskStopped',
    at: at.toISOString(),
    taskArn: `${ECS}:task/${task.cluster}/${task.id}`,
    clusterArn: fleetCluster(task.cluster),
    taskDefinitionArn: task.taskDefinitionArn,
    group: task.group,
    stopCode: task.stopCode,
    stoppedReason: task.stoppedReason,
  };
}
