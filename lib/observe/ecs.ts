import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  type ECSClient,
  paginateListClusters,
  paginateListServices,
  paginateListTasks,
} from '@aws-sdk/client-ecs';
import type { SnapshotInput } from '../snapshot/types.js';
import { batches } from './batches.js';
import { cliJson } from './cli-json.js';
import type { ServiceKey, TaskKey } from './scope.js';

type ClusterJson = SnapshotInput['clusters'][number];
type ServiceJson = SnapshotInput['services'][number];
type TaskJson = NonNullable<SnapshotInput['tasks']>[number];

/** DescribeServices takes at most 10 services, DescribeTasks and DescribeClusters 100. */
const SERVICES_PER_CALL = 10;
const TASKS_PER_CALL = 100;
const CLUSTERS_PER_CALL = 100;

/** The named clusters, or every cluster of the account and region when none is named. */
export async function readClusters(
  ecs: ECSClient,
  names: readonly string[],
): Promise<ClusterJson[]> {
  let arns = [...names];
  if (arns.length === 0) {
    for await (const page of paginateListClusters({ client: ecs }, {})) {
      arns.push(...(page.clusterArns ?? []));
    }
  }
  arns = [...new Set(arns)];

  const clusters: ClusterJson[] = [];
  for (const batch of batches(arns, CLUSTERS_PER_CALL)) {
    const output = await ecs.send(new DescribeClustersCommand({ clusters: batch }));
    for (const cluster of output.clusters ?? []) {
      clusters.push(cliJson(cluster) as ClusterJson);
    }
  }
  return clusters;
}

/** Every service of the clusters, or only the keys given; with tags. */
export async function readServices(
  ecs: ECSClient,
  clusterArns: readonly string[],
  only: readonly ServiceKey[] | null,
): Promise<ServiceJson[]> {
  const wanted = new Map<string, string[]>();
  if (only === null) {
    for (const cluster of clusterArns) {
      const arns: string[] = [];
      for await (const page of paginateListServices({ client: ecs }, { cluster })) {
        arns.push(...(page.serviceArns ?? []));
      }
      wanted.set(cluster, arns);
    }
  } else {
    for (const key of only) {
      wanted.set(key.cluster, [...(wanted.get(key.cluster) ?? []), key.service]);
    }
  }

  const services: ServiceJson[] = [];
  for (const [cluster, names] of wanted) {
    for (const batch of batches([...new Set(names)], SERVICES_PER_CALL)) {
      const output = await ecs.send(
        new DescribeServicesCommand({ cluster, services: batch, include: ['TAGS'] }),
      );
      for (const service of output.services ?? []) {
        services.push(cliJson(service) as ServiceJson);
      }
    }
  }
  return services;
}

/**
 * Running tasks of the services given, plus the tasks named (which may have
 * stopped). A cluster whose every service is wanted is listed once, so its
 * standalone tasks come too.
 */
export async function readTasks(
  ecs: ECSClient,
  request: {
    /** Clusters whose every running task is wanted. */
    wholeClusters: readonly string[];
    services: readonly { clusterArn: string; serviceName: string }[];
    named: readonly TaskKey[];
  },
): Promise<TaskJson[]> {
  const byCluster = new Map<string, Set<string>>();
  const add = (cluster: string, arns: Iterable<string>): void => {
    const set = byCluster.get(cluster) ?? new Set<string>();
    for (const arn of arns) set.add(arn);
    byCluster.set(cluster, set);
  };
  // Some implementations ignore serviceName in ListTasks; the group filter below keeps
  // only the service's own tasks either way.
  const groups = new Map<string, Set<string>>();

  for (const cluster of request.wholeClusters) {
    add(cluster, await listTasks(ecs, { cluster }));
  }
  for (const { clusterArn, serviceName } of request.services) {
    if (request.wholeClusters.includes(clusterArn)) continue;
    add(clusterArn, await listTasks(ecs, { cluster: clusterArn, serviceName }));
    const set = groups.get(clusterArn) ?? new Set<string>();
    set.add(`service:${serviceName}`);
    groups.set(clusterArn, set);
  }
  const named = new Set(request.named.map((key) => key.task));
  for (const key of request.named) {
    add(key.cluster, [key.task]);
  }

  const tasks: TaskJson[] = [];
  for (const [cluster, arns] of byCluster) {
    const keep = groups.get(cluster);
    for (const batch of batches([...arns], TASKS_PER_CALL)) {
      const output = await ecs.send(new DescribeTasksCommand({ cluster, tasks: batch }));
      for (const task of output.tasks ?? []) {
        const wholeCluster = request.wholeClusters.includes(cluster);
        const inGroup = keep?.has(task.group ?? '') ?? false;
        if (wholeCluster || inGroup || named.has(task.taskArn ?? '')) {
          tasks.push(cliJson(task) as TaskJson);
        }
      }
    }
  }
  return dedupe(tasks);
}

async function listTasks(
  ecs: ECSClient,
  input: { cluster: string; serviceName?: string },
): Promise<string[]> {
  const arns: string[] = [];
  for await (const page of paginateListTasks(
    { client: ecs },
    { ...input, desiredStatus: 'RUNNING' },
  )) {
    arns.push(...(page.taskArns ?? []));
  }
  return arns;
}

function dedupe(tasks: TaskJson[]): TaskJson[] {
  const seen = new Map<string, TaskJson>();
  for (const task of tasks) seen.set(task.taskArn, task);
  return [...seen.values()];
}
