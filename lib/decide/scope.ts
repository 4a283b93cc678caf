import type { Trigger } from '../events/types.js';
import { partitionForRegion, resolveSecret } from '../refs/index.js';
import type { ArnScope } from '../refs/types.js';
import type { Secret, Service, Snapshot } from '../snapshot/types.js';

/**
 * The services a trigger concerns. `secretArns`, when set, narrows them
 * further to the consumers of those secrets once references are known.
 */
export type Scope = { services: Service[]; secretArns: ReadonlySet<string> | null };

/** The partition of a region: the snapshot may not say. */
function partitionOf(snapshot: Snapshot, region: string): string {
  return snapshot.partition ?? partitionForRegion(region);
}

/** Resolves a secret id (name, partial or full ARN) to the snapshot's secrets it may mean. */
export function secretsNamed(snapshot: Snapshot, trigger: Trigger, id: string): Secret[] {
  const region = trigger.region ?? snapshot.region;
  const scope: ArnScope = {
    partition: partitionOf(snapshot, region),
    region,
    account: trigger.account ?? snapshot.account,
  };
  const resolution = resolveSecret(id, scope, snapshot.secrets);

  // An ambiguous id may mean either secret: planning for both risks an extra
  // redeploy, planning for neither risks a missed one.
  if (resolution.status === 'resolved') return [resolution.secret];
  if (resolution.status === 'ambiguous') return resolution.candidates;
  return [];
}

/** The secrets a secretChanged trigger names; empty for other triggers or unknown ids. */
export function triggerSecrets(snapshot: Snapshot, trigger: Trigger): Secret[] {
  if (trigger.kind !== 'secretChanged') return [];
  return secretsNamed(snapshot, trigger, trigger.secretId);
}

function lastSegment(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** True when `wanted` (a cluster name or ARN) means the cluster of `clusterArn`. */
export function clusterMatches(clusterArn: string, wanted: string): boolean {
  return wanted === clusterArn || wanted === lastSegment(clusterArn);
}

function inClusters(service: Service, clusters: string[]): boolean {
  if (clusters.length === 0) return true;
  return clusters.some((cluster) => clusterMatches(service.clusterArn, cluster));
}

/**
 * Finds a service by ARN. ECS has two ARN formats (`service/NAME` and
 * `service/CLUSTER/NAME`); an event may use either, so fall back to the name
 * within the cluster the event names.
 */
function serviceByArn(
  snapshot: Snapshot,
  arn: string,
  clusterArn: string | null,
): Service[] {
  const exact = snapshot.services.filter((service) => service.serviceArn === arn);
  if (exact.length > 0) return exact;

  const name = lastSegment(arn);
  return snapshot.services.filter(
    (service) =>
      service.serviceName === name &&
      (clusterArn === null || service.clusterArn === clusterArn),
  );
}

function serviceOfGroup(snapshot: Snapshot, group: string | null, clusterArn: string) {
  if (group === null || !group.startsWith('service:')) return [];
  const name = group.slice('service:'.length);
  return snapshot.services.filter(
    (service) => service.serviceName === name && service.clusterArn === clusterArn,
  );
}

/** The services a trigger puts in scope, before narrowing by secret. */
export function scopeOf(snapshot: Snapshot, trigger: Trigger): Scope {
  switch (trigger.kind) {
    case 'secretChanged': {
      const arns = triggerSecrets(snapshot, trigger).map((secret) => secret.ARN);
      return { services: snapshot.services, secretArns: new Set(arns) };
    }
    case 'resync': {
      const services = snapshot.services.filter((service) =>
        inClusters(service, trigger.clusters),
      );
      if (trigger.secrets.length === 0) return { services, secretArns: null };
      const arns = trigger.secrets.flatMap((id) =>
        secretsNamed(snapshot, trigger, id).map((secret) => secret.ARN),
      );
      return { services, secretArns: new Set(arns) };
    }
    case 'serviceChanged':
      return {
        services: serviceByArn(snapshot, trigger.serviceArn, trigger.clusterArn),
        secretArns: null,
      };
    case 'taskStopped':
      return {
        services: serviceOfGroup(snapshot, trigger.group, trigger.clusterArn),
        secretArns: null,
      };
  }
}
