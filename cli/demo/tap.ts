import {
  CreateEventBusCommand,
  type EventBridgeClient,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { EVENT_SOURCE } from '../../lib/act/events.js';

/** An event the controller put on its bus, as the bus delivered it. */
export type TappedEvent = {
  id: string;
  detailType: string;
  time: string;
  resources: string[];
  detail: Record<string, unknown>;
};

/** A bus whose controller events are copied to a queue, to be read back. */
export type EventTap = {
  busName: string;
  queueUrl: string;
  /** Every event delivered since the last drain, oldest first. */
  drain(): Promise<TappedEvent[]>;
};

/**
 * Creates an EventBridge bus and a rule that sends every event the
 * controller publishes to an SQS queue (the emulator delivers to SQS and
 * CloudWatch Logs targets only).
 */
export async function createEventTap(
  clients: { eventBridge: EventBridgeClient; sqs: SQSClient },
  names: { busName: string; queueName: string },
): Promise<EventTap> {
  const { eventBridge, sqs } = clients;
  const { busName, queueName } = names;

  await eventBridge.send(new CreateEventBusCommand({ Name: busName }));
  const queue = await sqs.send(new CreateQueueCommand({ QueueName: queueName }));
  const queueUrl = queue.QueueUrl!;
  const attributes = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );

  const rule = `${queueName}-all`;
  await eventBridge.send(
    new PutRuleCommand({
      Name: rule,
      EventBusName: busName,
      EventPattern: JSON.stringify({ source: [EVENT_SOURCE] }),
    }),
  );
  await eventBridge.send(
    new PutTargetsCommand({
      Rule: rule,
      EventBusName: busName,
      Targets: [{ Id: 'queue', Arn: attributes.Attributes!.QueueArn! }],
    }),
  );

  return { busName, queueUrl, drain: () => drainQueue(sqs, queueUrl) };
}

async function drainQueue(sqs: SQSClient, queueUrl: string): Promise<TappedEvent[]> {
  const events: TappedEvent[] = [];
  for (;;) {
    const received = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
      }),
    );
    const messages = received.Messages ?? [];
    if (messages.length === 0) break;

    events.push(...messages.map((message) => toEvent(message.Body ?? '{}')));
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: messages.map((message, index) => ({
          Id: String(index),
          ReceiptHandle: message.ReceiptHandle!,
        })),
      }),
    );
  }
  return events.sort((a, b) => a.time.localeCompare(b.time));
}

function toEvent(body: string): TappedEvent {
  const parsed = JSON.parse(body) as Record<string, unknown>;
  return {
    id: String(parsed.id ?? ''),
    detailType: String(parsed['detail-type'] ?? ''),
    time: String(parsed.time ?? ''),
    resources: Array.isArray(parsed.resources) ? parsed.resources.map(String) : [],
    detail: (parsed.detail ?? {}) as Record<string, unknown>,
  };
}
