import type {
  Cluster,
  IamRoleEntry,
  KmsKeyEntry,
  Secret,
  Service,
  Snapshot,
  SsmParameter,
  Task,
  TaskDefinition,
} from './types.js';

/** Lookup maps over one snapshot, built once per plan. */
export type SnapshotIndex = {
  clustersByArn: ReadonlyMap<string, Cluster>;
  servicesByArn: ReadonlyMap<string, Service>;
  taskDefinitionsByArn: ReadonlyMap<string, TaskDefinition>;
  secretsByArn: ReadonlyMap<string, Secret>;
  /** Tasks keyed by `serviceGroupKey(clusterArn, group)`; standalone tasks too. */
  tasksByGroup: ReadonlyMap<string, readonly Task[]>;
  /** SSM parameters by name, with the leading slash as stored. */
  ssmParametersByName: ReadonlyMap<string, SsmParameter>;
  /** IAM roles by role ARN (ARNs include any role path). */
  rolesByArn: ReadonlyMap<string, IamRoleEntry>;
  /** KMS keys by key ARN, key id, alias name and alias ARN. */
  kmsKeys: ReadonlyMap<string, KmsKeyEntry>;
};

/** The key under which tasks of one group in one cluster are indexed. */
export function serviceGroupKey(clusterArn: string, group: string): string {
  return `${clusterArn}|${group}`;
}

/** Build lookup maps for a snapshot (sections the snapshot lacks give empty maps). */
export function snapshotIndex(snapshot: Snapshot): SnapshotIndex {
  const tasksByGroup = new Map<string, Task[]>();
  for (const task of snapshot.tasks ?? []) {
    if (task.group === undefined) {
      continue;
    }
    const key = serviceGroupKey(task.clusterArn, task.group);
    const tasks = tasksByGroup.get(key) ?? [];
    tasks.push(task);
    tasksByGroup.set(key, tasks);
  }

  const kmsKeys = new Map<string, KmsKeyEntry>();
  for (const key of snapshot.kms?.keys ?? []) {
    kmsKeys.set(key.KeyMetadata.Arn, key);
    kmsKeys.set(key.KeyMetadata.KeyId, key);
    for (const alias of key.Aliases ?? []) {
      kmsKeys.set(alias.AliasName, key);
      if (alias.AliasArn !== undefined) {
        kmsKeys.set(alias.AliasArn, key);
      }
    }
  }

  return {
    clustersByArn: byKey(snapshot.clusters, (c) => c.clusterArn),
    servicesByArn: byKey(snapshot.services, (s) => s.serviceArn),
    taskDefinitionsByArn: byKey(snapshot.taskDefinitions, (t) => t.taskDefinitionArn),
    secretsByArn: byKey(snapshot.secrets, (s) => s.ARN),
    tasksByGroup,
    ssmParametersByName: byKey(snapshot.ssmParameters ?? [], (p) => p.Name),
    rolesByArn: byKey(snapshot.iam?.roles ?? [], (r) => r.Role.Arn),
    kmsKeys,
  };
}

/** Tasks that belong to a service: same cluster, group `service:NAME`. */
export function tasksOfService(index: SnapshotIndex, service: Service): readonly Task[] {
  const key = serviceGroupKey(service.clusterArn, `service:${service.serviceName}`);
  return index.tasksByGroup.get(key) ?? [];
}

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}
