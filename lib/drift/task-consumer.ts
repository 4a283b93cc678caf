import { serviceConsumer } from '../decide/checks.js';
import type { Finding } from '../plan/types.js';
import { collectReferences, collectTaskReferences } from '../refs/index.js';
import type { ResolvedReference } from '../refs/types.js';
import type { Snapshot, Task, TaskDefinition } from '../snapshot/types.js';
import type { Consumer } from './types.js';

type TaskStopped = {
  taskArn: string;
  clusterArn: string;
  taskDefinitionArn: string | null;
  group: string | null;
};

/** A stopped task's consumer with its references, and whether a service owns it. */
export type StoppedConsumer = {
  consumer: Consumer;
  refs: ResolvedReference[];
  refFindings: Finding[];
  owner: 'service' | 'task';
};

const SERVICE_GROUP = 'service:';

function taskDefinitionOf(snapshot: Snapshot, arn: string | null | undefined) {
  if (arn === null || arn === undefined) return undefined;
  return snapshot.taskDefinitions.find((entry) => entry.taskDefinitionArn === arn);
}

/**
 * A standalone task as a consumer. describe-tasks reports the task's subnet
 * but not its security groups, so its network placement stays unknown.
 */
export function taskConsumer(
  task: Task,
  taskDefinition: TaskDefinition | undefined,
): Consumer {
  return {
    kind: 'task',
    arn: task.taskArn,
    clusterArn: task.clusterArn,
    taskDefinition,
    network: null,
    launchType: task.launchType ?? null,
    platformVersion: task.platformVersion ?? null,
  };
}

/**
 * The consumer whose start failed: the service of the task's group (with the
 * revision the task ran, when the snapshot holds it), or the task itself.
 * Null when the snapshot holds neither the service nor the task definition.
 */
export function stoppedConsumer(
  snapshot: Snapshot,
  stopped: TaskStopped,
): StoppedConsumer | null {
  const ran = taskDefinitionOf(snapshot, stopped.taskDefinitionArn);

  if (stopped.group?.startsWith(SERVICE_GROUP)) {
    const name = stopped.group.slice(SERVICE_GROUP.length);
    const service = snapshot.services.find(
      (entry) => entry.serviceName === name && entry.clusterArn === stopped.clusterArn,
    );
    if (service !== undefined) {
      const taskDefinition = ran ?? taskDefinitionOf(snapshot, service.taskDefinition);
      const collected = collectReferences(snapshot, service, taskDefinition);
      return {
        consumer: serviceConsumer(service, taskDefinition),
        refs: collected.references,
        refFindings: collected.findings,
        owner: 'service',
      };
    }
  }

  const known = snapshot.tasks?.find((task) => task.taskArn === stopped.taskArn);
  const task: Task = known ?? {
    taskArn: stopped.taskArn,
    clusterArn: stopped.clusterArn,
    taskDefinitionArn: stopped.taskDefinitionArn ?? '',
  };
  const taskDefinition = ran ?? taskDefinitionOf(snapshot, task.taskDefinitionArn);
  if (taskDefinition === undefined) return null;
  const collected = collectTaskReferences(snapshot, task, taskDefinition);
  return {
    consumer: taskConsumer(task, taskDefinition),
    refs: collected.references,
    refFindings: collected.findings,
    owner: 'task',
  };
}
