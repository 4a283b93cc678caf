import type { Config } from '../config/config.js';
import type { Trigger } from '../events/types.js';

/** A service to read, by the cluster and name (or ARN) DescribeServices accepts. */
export type ServiceKey = { cluster: string; service: string };

/** A task to describe even when it no longer runs (a task that stopped). */
export type TaskKey = { cluster: string; task: string };

/**
 * What one observation reads. Every service of `clusters` (or only
 * `services`) is read with its task definitions, since only those tell who
 * consumes a secret; drift sections, tasks and secret details are read for
 * the consumers the scope names.
 */
export type ObserveScope = {
  /** Clusters (names or ARNs); empty means every cluster in the account and region. */
  clusters: readonly string[];
  /** Only these services; null means every service of the clusters. */
  services: readonly ServiceKey[] | null;
  tasks: readonly TaskKey[];
  /** Secrets (ids, names or ARNs) to read in full: description, versions, policy. */
  secrets: readonly string[];
  /**
   * `services`: drift sections for every service read. `consumers`: only
   * for the services that reference one of `secrets`.
   */
  drift: 'services' | 'consumers';
};

/** The observation a trigger needs: what it names, plus what decides its consumers. */
export function scopeForTrigger(
  trigger: Trigger,
  config: Pick<Config, 'clusters'>,
): ObserveScope {
  switch (trigger.kind) {
    case 'secretChanged':
      return {
        clusters: config.clusters,
        services: null,
        tasks: [],
        secrets: [trigger.secretId],
        drift: 'consumers',
      };
    case 'serviceChanged': {
      const cluster = trigger.clusterArn ?? clusterOfServiceArn(trigger.serviceArn);
      return {
        clusters: [cluster],
        services: [{ cluster, service: trigger.serviceArn }],
        tasks: [],
        secrets: [],
        drift: 'services',
      };
    }
    case 'taskStopped': {
      const service = serviceNameOfGroup(trigger.group);
      return {
        clusters: [trigger.clusterArn],
        services: service === null ? [] : [{ cluster: trigger.clusterArn, service }],
        tasks: [{ cluster: trigger.clusterArn, task: trigger.taskArn }],
        secrets: [],
        drift: 'services',
      };
    }
    case 'resync': {
      const clusters = trigger.clusters.length > 0 ? trigger.clusters : config.clusters;
      return {
        clusters,
        services: null,
        tasks: [],
        secrets: trigger.secrets,
        drift: trigger.secrets.length > 0 ? 'consumers' : 'services',
      };
    }
  }
}

/**
 * The cluster of a service ARN in the long format
 * (`service/CLUSTER/NAME`); the short format names none, so `default`.
 */
export function clusterOfServiceArn(serviceArn: string): string {
  const parts = serviceArn.split(':').slice(5).join(':').split('/');
  return parts.length >= 3 && parts[1] ? parts[1] : 'default';
}

/** `service:NAME` is the group ECS gives the tasks a service starts. */
export function serviceNameOfGroup(group: string | null | undefined): string | null {
  if (!group?.startsWith('service:')) {
    return null;
  }
  const name = group.slice('service:'.length);
  return name.length > 0 ? name : null;
}
