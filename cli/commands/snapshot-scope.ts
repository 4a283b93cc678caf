import { clusterMatches, secretsNamed } from '../../lib/decide/index.js';
import type { Trigger } from '../../lib/events/types.js';
import type { Snapshot } from '../../lib/snapshot/types.js';
import { lastSegment } from '../format/names.js';

/** A list of names is worth printing in a message up to this length. */
const SHORT_LIST = 8;

function clusterArns(snapshot: Snapshot): string[] {
  return [
    ...snapshot.clusters.map((cluster) => cluster.clusterArn),
    ...snapshot.services.map((service) => service.clusterArn),
  ];
}

/** The clusters a snapshot holds, by name, sorted. */
function clusterNames(snapshot: Snapshot): string[] {
  return [...new Set(clusterArns(snapshot).map(lastSegment))].sort();
}

/** True when `cluster` (name or ARN) is one the snapshot holds, matched as a plan matches it. */
export function holdsCluster(snapshot: Snapshot, cluster: string): boolean {
  return clusterArns(snapshot).some((arn) => clusterMatches(arn, cluster));
}

/** `(it holds a, b)` when the list is short, `(it holds N clusters)` otherwise. */
export function heldClusters(snapshot: Snapshot): string {
  const names = clusterNames(snapshot);
  if (names.length === 0) return '(it holds no clusters)';
  return names.length <= SHORT_LIST
    ? `(it holds ${names.join(', ')})`
    : `(it holds ${names.length} clusters)`;
}

/**
 * What a manual resync's scope names that the snapshot does not hold, one
 * sentence each: such a scope plans nothing for those names, silently.
 */
export function scopeWarnings(
  snapshot: Snapshot,
  trigger: Trigger,
  source: string,
): string[] {
  if (trigger.kind !== 'resync') return [];
  const clusters = trigger.clusters.filter((cluster) => !holdsCluster(snapshot, cluster));
  const secrets = trigger.secrets.filter(
    (id) => secretsNamed(snapshot, trigger, id).length === 0,
  );
  return [
    ...clusters.map(
      (cluster) =>
        `the scope names cluster ${cluster}, which ${source} does not hold ` +
        `${heldClusters(snapshot)}; nothing is planned for it`,
    ),
    ...secrets.map(
      (secret) =>
        `the scope names secret ${secret}, which ${source} does not hold; ` +
        'nothing is planned for it',
    ),
  ];
}
