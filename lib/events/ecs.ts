import { z } from 'zod';
import { baseOf, type Envelope } from './envelope.js';
import { fromIssues, ignored, quote, triggered, unrecognised } from './result.js';
import type { EventResult } from './types.js';

const DEPLOYMENT_EVENTS = [
  'SERVICE_DEPLOYMENT_IN_PROGRESS',
  'SERVICE_DEPLOYMENT_COMPLETED',
  'SERVICE_DEPLOYMENT_FAILED',
] as const;

const Text = z.string().min(1);

/** `arn:aws:ecs:REGION:ACCOUNT:service/CLUSTER/NAME`, or the old `service/NAME`. */
const ServiceArn = z
  .string()
  .regex(/^arn:[\w-]+:ecs:[\w-]+:\d{12}:service\/[^/]+(\/[^/]+)?$/, {
    message: 'expected an ECS service ARN',
  });

const DeploymentEvent = z.object({
  resources: z.tuple([ServiceArn], z.string()),
  detail: z.object({
    eventName: Text,
    deploymentId: Text.optional(),
    reason: z.string().optional(),
  }),
});

const TaskDetail = z.object({
  taskArn: Text,
  clusterArn: Text,
  lastStatus: Text,
  taskDefinitionArn: Text.optional(),
  group: Text.optional(),
  stopCode: Text.optional(),
  stoppedReason: z.string().optional(),
});

/** Reads an `ECS Deployment State Change` into `serviceChanged`. */
export function readDeployment(envelope: Envelope, input: unknown): EventResult {
  const parsed = DeploymentEvent.safeParse(envelope);
  if (!parsed.success) return fromIssues(parsed.error, input);
  const { resources, detail } = parsed.data;

  if (!(DEPLOYMENT_EVENTS as readonly string[]).includes(detail.eventName)) {
    return unrecognised(
      'UnknownEventName',
      `Deployment event ${quote(detail.eventName)} is not read.`,
    );
  }

  const serviceArn = resources[0];
  return triggered({
    ...baseOf(envelope),
    kind: 'serviceChanged',
    serviceArn,
    clusterArn: clusterOfService(serviceArn),
    deploymentId: detail.deploymentId ?? null,
    eventName: detail.eventName,
    reason: detail.reason ?? null,
  });
}

/** Reads an `ECS Task State Change`: a stopped task becomes `taskStopped`. */
export function readTaskState(envelope: Envelope, input: unknown): EventResult {
  const parsed = TaskDetail.safeParse(envelope.detail);
  if (!parsed.success) return fromIssues(parsed.error, input, ['detail']);
  const task = parsed.data;

  if (task.lastStatus !== 'STOPPED') {
    return ignored(
      'TaskNotStopped',
      `The task is ${quote(task.lastStatus)}, not STOPPED.`,
    );
  }

  return triggered({
    ...baseOf(envelope),
    kind: 'taskStopped',
    taskArn: task.taskArn,
    clusterArn: task.clusterArn,
    taskDefinitionArn: task.taskDefinitionArn ?? null,
    group: task.group ?? null,
    stopCode: task.stopCode ?? null,
    stoppedReason: task.stoppedReason ?? null,
  });
}

/** The cluster ARN a new-format service ARN names; null for the old format. */
function clusterOfService(serviceArn: string): string | null {
  const match = /^(arn:[\w-]+:ecs:[\w-]+:\d{12}):service\/([^/]+)\/[^/]+$/.exec(
    serviceArn,
  );
  if (match === null) return null;
  return `${match[1]}:cluster/${match[2]}`;
}
