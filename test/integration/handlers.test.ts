import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type DeploymentIds, deploymentIds } from '../../cli/demo/deployments.js';
import {
  type DemoHandlers,
  labelUpdatedEvent,
  lambdaContext,
  loadHandlers,
  scheduledEvent,
} from '../../cli/demo/lambda.js';
import { rotateSecret, type SeededFleet, seedFleet } from '../../cli/demo/seed.js';
import { createEventTap, type EventTap, type TappedEvent } from '../../cli/demo/tap.js';
import { DetailType } from '../../lib/act/events.js';
import { createClients } from '../../lib/observe/clients.js';
import { ensureTable } from '../../lib/records/index.js';
import type { HandlerResult } from '../../lib/runtime/handle.js';
import { emulatorClientConfig, resetEmulator } from '../support/aws.js';

const ROOT = process.cwd();
const TABLE = 'handler-records';
const BUS = 'handler-bus';

type LogLine = Record<string, unknown> & { message?: string; level?: string };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits into the next whole second: ECS and EventBridge times count whole seconds. */
async function nextSecond(): Promise<void> {
  await pause(1000 - (Date.now() % 1000) + 50);
}

const refreshes = (events: TappedEvent[]) =>
  events.filter((event) => event.detailType === DetailType.refresh);

describe('handlers', () => {
  const config = emulatorClientConfig();
  const clients = createClients(config);
  const sqs = new SQSClient(config);
  const logs: LogLine[] = [];
  let fleet: SeededFleet;
  let handlers: DemoHandlers;
  let tap: EventTap;
  let where: { region: string; account: string };
  let deployments: () => Promise<DeploymentIds>;
  let rotation: Record<string, unknown>;

  const secretChanges = (event: unknown): Promise<HandlerResult> =>
    handlers.secretChanges(event, lambdaContext('secret-changes', where));
  const resync = async (): Promise<HandlerResult> =>
    handlers.reconcile(
      await scheduledEvent(ROOT, { ...where, at: new Date() }),
      lambdaContext('reconcile', where),
    );

  beforeAll(async () => {
    await resetEmulator();
    await ensureTable(clients.dynamodb, TABLE);
    tap = await createEventTap(
      { eventBridge: clients.eventBridge, sqs },
      { busName: BUS, queueName: 'handler-events' },
    );
    fleet = await seedFleet(clients);
    where = { region: config.region, account: fleet.account };
    const services = Object.values(fleet.services);
    deployments = () => deploymentIds(clients.ecs, services);

    // The handlers log Powertools JSON lines (warnings and errors on stderr); keep them.
    const capture = (chunk: unknown) => {
      for (const line of String(chunk).split('\n')) {
        if (line.startsWith('{')) logs.push(JSON.parse(line) as LogLine);
      }
      return true;
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    // The shared emulator's services never reach their desired count, so
    // every seeded deployment stays IN_PROGRESS; leave the budget room.
    process.env.MAX_DEPLOYMENTS_PER_CLUSTER = '20';
    handlers = await loadHandlers({
      endpoint: config.endpoint,
      region: config.region,
      recordsTable: TABLE,
      eventBusName: BUS,
      logLevel: 'INFO',
    });
  });

  afterAll(() => {
    vi.restoreAllMocks();
  });

  it('starts no deployment when the first scheduled resync installs the controller', async () => {
    const before = await deployments();

    const result = await resync();

    expect(result.outcome).toBe('reconciled');
    expect(await deployments()).toEqual(before);
    await tap.drain();
  });

  it('redeploys exactly the consumers when a Secret Label Updated event arrives', async () => {
    const before = await deployments();
    const { database } = fleet.secrets;
    await nextSecond();
    const versionId = await rotateSecret(clients, database.arn);
    rotation = await labelUpdatedEvent(ROOT, {
      ...where,
      secretArn: database.arn,
      name: database.name,
      versionId,
      at: new Date(),
    });

    const result = await secretChanges(rotation);

    expect(result.outcome).toBe('reconciled');
    const after = await deployments();
    const { web, worker, pinned, optedOut, notifier, unrelated, restricted } =
      fleet.services;
    expect(after[web.arn]).not.toBe(before[web.arn]);
    expect(after[worker.arn]).not.toBe(before[worker.arn]);
    for (const untouched of [pinned, optedOut, notifier, unrelated, restricted]) {
      expect(after[untouched.arn], untouched.name).toBe(before[untouched.arn]);
    }
    const decided =
      result.outcome === 'reconciled'
        ? result.report.outcomes.map((o) => [o.serviceArn, `${o.type} ${o.reason}`])
        : [];
    expect(Object.fromEntries(decided)).toMatchObject({
      [pinned.arn]: 'skip VersionPinned',
      [optedOut.arn]: 'skip OptedOut',
      [restricted.arn]: 'block PreflightFailed',
    });
    const signals = refreshes(await tap.drain());
    expect(signals.map((event) => event.detail.serviceArn)).toEqual([notifier.arn]);
    expect(signals[0]?.detail.secrets).toEqual([
      { secretArn: database.arn, label: 'AWSCURRENT', versionId },
    ]);
  });

  it('starts no deployment and sends no signal when the event comes again and a resync follows', async () => {
    const before = await deployments();

    const again = await secretChanges(rotation);
    const resynced = await resync();

    expect([again.outcome, resynced.outcome]).toEqual(['reconciled', 'reconciled']);
    expect(await deployments()).toEqual(before);
    expect(refreshes(await tap.drain())).toEqual([]);
  });

  it('changes nothing and logs why when the event is malformed', async () => {
    const before = await deployments();
    const malformed = { ...rotation, id: 'malformed-1', detail: { name: 'demo/db' } };

    const result = await secretChanges(malformed);

    expect(result).toMatchObject({ outcome: 'unrecognised', reason: 'MissingField' });
    expect(await deployments()).toEqual(before);
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: 'WARN',
        message: 'Event not acted on',
        reason: 'MissingField',
        eventId: 'malformed-1',
      }),
    );
  });

  it('changes nothing and logs why when the event names an unknown secret', async () => {
    const before = await deployments();
    const unknown = `arn:aws:secretsmanager:${where.region}:${where.account}:secret:nowhere/db-AbCdEf`;
    const event = await labelUpdatedEvent(ROOT, {
      ...where,
      secretArn: unknown,
      name: 'nowhere/db',
      versionId: 'f00dfeed-0000-4000-8000-000000000000',
      at: new Date(),
    });

    const result = await secretChanges(event);

    expect(result.outcome).toBe('reconciled');
    if (result.outcome === 'reconciled') expect(result.report.plan.actions).toEqual([]);
    expect(await deployments()).toEqual(before);
    expect(logs).toContainEqual(
      expect.objectContaining({ message: 'secret not found', secretId: unknown }),
    );
  });
});
