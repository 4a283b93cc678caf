import {
  CreateEventBusCommand,
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { emulatorClientConfig, resetEmulator } from '../support/aws.js';
import { INTENDED_RULES } from '../support/event-routes.js';
import {
  type EventFixture,
  type EventPattern,
  listEventRules,
  loadEventFixture,
  loadEventRule,
} from '../support/fixtures.js';

const BUS = 'rules-under-test';

// PutEvents sets only these event fields; moto fills account, region, id and
// version itself, so a rule filtering on those could not be checked here.
const SETTABLE_FIELDS = ['source', 'detail-type', 'detail', 'resources', 'time'];

// The operators moto 5.2 evaluates (moto/events/models.py, EventPattern).
// It treats any other operator name as a match, so a rule using one would
// pass here silently.
const EMULATED_OPERATORS = [
  'exists',
  'prefix',
  'suffix',
  'equals-ignore-case',
  'numeric',
  'anything-but',
  'cidr',
  'wildcard',
];

const STANDALONE_TASK = 'ecs/task-stopped-secret-fetch-failed.json as a standalone task';

const rules = listEventRules();

/** Rule names each published event reached, by the label it was published under. */
let reached: Map<string, string[]>;

describe('rules', () => {
  beforeAll(async () => {
    await resetEmulator();
    const config = emulatorClientConfig();
    const eventBridge = new EventBridgeClient(config);
    const sqs = new SQSClient(config);

    await eventBridge.send(new CreateEventBusCommand({ Name: BUS }));
    const queues = new Map<string, string>();
    for (const rule of rules) {
      queues.set(rule, await createRuleWithQueue(eventBridge, sqs, rule));
    }

    const labels = await publish(eventBridge, eventsToPublish());

    reached = new Map([...labels.values()].map((label) => [label, []]));
    for (const [rule, queueUrl] of queues) {
      for (const id of await drainEventIds(sqs, queueUrl)) {
        const label = labels.get(id) ?? `unknown event ${id}`;
        reached.set(label, [...(reached.get(label) ?? []), rule]);
      }
    }
  });

  it('filters only on fields PutEvents can set when the rules are read', () => {
    const fields = rules.flatMap((rule) => Object.keys(loadEventRule(rule)));

    expect(fields.filter((field) => !SETTABLE_FIELDS.includes(field))).toEqual([]);
  });

  it('uses only operators the emulator evaluates when the rules are read', () => {
    const operators = rules.flatMap((rule) => operatorsIn(loadEventRule(rule)));

    expect(operators.filter((name) => !EMULATED_OPERATORS.includes(name))).toEqual([]);
  });

  it.each(Object.entries(INTENDED_RULES))(
    'reaches exactly its intended rules when %s is routed by the bus',
    (path, intended) => {
      expect(reached.get(path)?.sort()).toEqual([...intended].sort());
    },
  );

  it('misses the stopped-task rule when the task was not started by a service', () => {
    expect(reached.get(STANDALONE_TASK)).toEqual([]);
  });

  it('delivers no event the test did not publish when the queues are drained', () => {
    const unknown = [...reached.keys()].filter((label) => label.startsWith('unknown'));

    expect(unknown).toEqual([]);
  });
});

/** Every fixture of the table, plus a task stopped outside any service. */
function eventsToPublish(): Map<string, EventFixture> {
  const events = new Map(
    Object.keys(INTENDED_RULES).map((path) => [path, loadEventFixture(path)]),
  );

  const stopped = loadEventFixture('ecs/task-stopped-secret-fetch-failed.json');
  events.set(STANDALONE_TASK, {
    ...stopped,
    detail: { ...(stopped.detail as object), group: 'family:payments-api' },
  });
  return events;
}

async function createRuleWithQueue(
  eventBridge: EventBridgeClient,
  sqs: SQSClient,
  rule: string,
): Promise<string> {
  const queue = await sqs.send(new CreateQueueCommand({ QueueName: `rule-${rule}` }));
  const queueUrl = queue.QueueUrl!;
  const attributes = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );

  await eventBridge.send(
    new PutRuleCommand({
      Name: rule,
      EventBusName: BUS,
      EventPattern: JSON.stringify(loadEventRule(rule)),
    }),
  );
  await eventBridge.send(
    new PutTargetsCommand({
      Rule: rule,
      EventBusName: BUS,
      Targets: [{ Id: 'queue', Arn: attributes.Attributes!.QueueArn! }],
    }),
  );
  return queueUrl;
}

/** Puts the events on the bus; returns each event id the bus assigned with its label. */
async function publish(
  eventBridge: EventBridgeClient,
  events: Map<string, EventFixture>,
): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const pending = [...events];

  // PutEvents takes at most 10 entries a call.
  while (pending.length > 0) {
    const batch = pending.splice(0, 10);
    const out = await eventBridge.send(
      new PutEventsCommand({ Entries: batch.map(([, event]) => toEntry(event)) }),
    );
    expect(out.FailedEntryCount).toBe(0);
    batch.forEach(([label], index) => {
      labels.set(out.Entries![index]!.EventId!, label);
    });
  }
  return labels;
}

function toEntry(event: EventFixture): PutEventsRequestEntry {
  return {
    EventBusName: BUS,
    Source: String(event.source),
    DetailType: String(event['detail-type']),
    Detail: JSON.stringify(event.detail),
    Resources: (event.resources as string[] | undefined) ?? [],
    Time: new Date(String(event.time)),
  };
}

async function drainEventIds(sqs: SQSClient, queueUrl: string): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    // A long visibility timeout hands out each message once, so no delete is needed.
    const received = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: 300,
        WaitTimeSeconds: 0,
      }),
    );
    const messages = received.Messages ?? [];
    if (messages.length === 0) return ids;

    for (const message of messages) {
      const body = JSON.parse(message.Body ?? '{}') as { id?: unknown };
      ids.push(String(body.id));
    }
  }
}

/** Names of the operators a pattern uses, nested ones included. */
function operatorsIn(pattern: EventPattern): string[] {
  return Object.values(pattern).flatMap((value) => {
    if (Array.isArray(value)) return value.flatMap(operatorNames);
    if (value !== null && typeof value === 'object') {
      return operatorsIn(value as EventPattern);
    }
    return [];
  });
}

function operatorNames(condition: unknown): string[] {
  if (condition === null || typeof condition !== 'object') return [];
  return Object.entries(condition).flatMap(([name, argument]) => [
    name,
    ...(argument !== null && typeof argument === 'object' && !Array.isArray(argument)
      ? operatorNames(argument)
      : []),
  ]);
}
