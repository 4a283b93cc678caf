import { ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../lib/config/config.js';
import type { Trigger } from '../../../lib/events/types.js';
import type { Log } from '../../../lib/log.js';
import { type AwsClients, createClients } from '../../../lib/observe/clients.js';
import {
  createReconcileRunner,
  createReconciler,
  type Observer,
} from '../../../lib/reconcile/index.js';
import type { SnapshotInput } from '../../../lib/snapshot/types.js';
import {
  ACCOUNT,
  arn,
  buildSecret,
  buildService,
  buildTaskDefinition,
  CAPTURED_AT,
  REGION,
} from '../../support/snapshots.js';

const ecs = mockClient(ECSClient);
const events = mockClient(EventBridgeClient);
const ddb = mockClient(DynamoDBDocumentClient);
const NOW = new Date('2024-05-01T12:00:00Z');
const DB = arn.secret('db');

const WORLD: SnapshotInput = {
  schemaVersion: 1,
  capturedAt: CAPTURED_AT,
  account: ACCOUNT,
  region: REGION,
  clusters: [{ clusterArn: arn.cluster('main'), clusterName: 'main', status: 'ACTIVE' }],
  services: [
    buildService({ name: 'api' }),
    {
      ...buildService({ name: 'legacy' }),
      tags: [{ key: 'secret-reconciler/strategy', value: 'ignore' }],
    },
    buildService({ name: 'other' }),
  ],
  taskDefinitions: [
    buildTaskDefinition({ family: 'api', secrets: { DB: DB } }),
    buildTaskDefinition({ family: 'legacy', secrets: { DB: DB } }),
    buildTaskDefinition({ family: 'other' }),
  ],
  secrets: [
    buildSecret({
      name: 'db',
      versions: {
        v1: { stages: ['AWSPREVIOUS'], createdAt: '2024-01-01T00:00:00Z' },
        v2: { stages: ['AWSCURRENT'], createdAt: '2024-05-01T11:59:00Z' },
      },
    }),
  ],
};

const ROTATED: Trigger = {
  kind: 'secretChanged',
  change: 'labelUpdated',
  secretId: DB,
  label: 'AWSCURRENT',
  versionId: 'v2',
  movesLabel: true,
  at: '2024-05-01T11:59:30Z',
  eventId: 'evt-1',
  account: ACCOUNT,
  region: REGION,
};

const RESYNC: Trigger = {
  kind: 'resync',
  source: 'schedule',
  clusters: [],
  secrets: [],
  at: '2024-05-01T12:00:00Z',
  eventId: 'evt-2',
  account: ACCOUNT,
  region: REGION,
};

type Line = { message: string; fields: Record<string, unknown> };

function recordingLog(): Log & { messages: string[]; lines: Line[] } {
  const messages: string[] = [];
  const lines: Line[] = [];
  const push = (message: string, fields: Record<string, unknown> = {}) => {
    messages.push(message);
    lines.push({ message, fields });
  };
  return { messages, lines, debug: push, info: push, warn: push, error: push };
}

function setup(observe: Observer = async () => WORLD) {
  const clients: AwsClients = createClients({ region: REGION });
  const config = loadConfig({ EVENT_BUS_NAME: 'reconciler' });
  const log = recordingLog();
  const reconcile = createReconciler(clients, config, log, {
    now: () => NOW,
    observe,
    sleep: async () => {},
  });
  return { reconcile, log };
}

describe('reconcile', () => {
  beforeEach(() => {
    for (const mock of [ecs, events, ddb]) mock.reset();
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb.on(PutCommand).resolves({});
    ecs.on(UpdateServiceCommand).resolves({
      service: { deployments: [{ id: 'ecs-svc/new', status: 'PRIMARY' }] },
    });
    events.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => ({
      FailedEntryCount: 0,
      Entries: input.Entries.map((_, i) => ({ EventId: `e-${i}` })),
    }));
  });

  it('redeploys only the stale consumer and records the move when a label moves', async () => {
    const { reconcile } = setup();

    const report = await reconcile(ROTATED);

    expect(report.outcomes.map((o) => [o.serviceArn, o.type, o.outcome])).toEqual([
      [arn.service('main', 'api'), 'redeploy', 'succeeded'],
      [arn.service('main', 'legacy'), 'skip', 'skipped'],
    ]);
    expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(1);
    expect(ddb.commandCalls(PutCommand)[0]?.args[0].input.Item).toMatchObject({
      secretArn: DB,
      label: 'AWSCURRENT',
      versionId: 'v2',
      movedAt: '2024-05-01T11:59:30.000Z',
      source: 'event',
    });
    expect(report).toMatchObject({ retryable: false, published: { failed: 0 } });
  });

  it('plans from the stored movedAt when another resync recorded the move first', async () => {
    ddb.on(QueryCommand).resolves({
      Items: [
        {
          secretArn: DB,
          label: 'AWSPREVIOUS',
          versionId: 'v1',
          movedAt: '2024-02-01T00:00:00.000Z',
          source: 'resync',
          kind: 'label',
        },
      ],
    });
    const conflict = Object.assign(new Error('condition'), {
      name: 'ConditionalCheckFailedException',
    });
    ddb.on(PutCommand).rejects(conflict);
    ddb.on(GetCommand).resolves({
      Item: {
        secretArn: DB,
        label: 'AWSCURRENT',
        versionId: 'v2',
        movedAt: '2024-03-01T00:00:00.000Z',
        source: 'resync',
        kind: 'label',
      },
    });
    const { reconcile } = setup();

    const report = await reconcile(RESYNC);

    expect(report.plan.actions.map((a) => [a.serviceArn, a.reason])).toContainEqual([
      arn.service('main', 'api'),
      'AlreadyCurrent',
    ]);
    expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(0);
  });

  it('plans without recording, redeploying or publishing when dry-running', async () => {
    const run = createReconcileRunner(
      createClients({ region: REGION }),
      loadConfig({}),
      recordingLog(),
      { now: () => NOW, observe: async () => WORLD },
    );

    const { report, snapshot } = await run(ROTATED, { dryRun: true });

    expect(report.plan.actions.map((a) => a.type)).toEqual(['redeploy', 'skip']);
    expect(report.outcomes).toEqual([]);
    expect(snapshot.records?.find((r) => r.label === 'AWSCURRENT')).toMatchObject({
      versionId: 'v2',
      source: 'event',
    });
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
    expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(0);
    expect(events.commandCalls(PutEventsCommand)).toHaveLength(0);
  });

  it('tags every line of a reconcile, down to observe and act, with its reconcile id and event id', async () => {
    const { reconcile, log } = setup(async (_clients, _scope, options) => {
      options.log.warn('observer line');
      return WORLD;
    });

    const report = await reconcile(ROTATED);

    expect(log.messages).toEqual(
      expect.arrayContaining([
        'Reconcile started',
        'observer line',
        'Label move recorded',
        'Action carried out',
        'Reconcile finished',
      ]),
    );
    for (const line of log.lines) {
      expect(line.fields, line.message).toMatchObject({
        reconcileId: report.reconcileId,
        eventId: 'evt-1',
      });
    }
  });

  it('logs and throws when the world cannot be observed', async () => {
    const denied = Object.assign(new Error('no'), { name: 'AccessDeniedException' });
    const { reconcile, log } = setup(async () => {
      throw denied;
    });

    await expect(reconcile(ROTATED)).rejects.toBe(denied);
    expect(log.messages).toEqual(['Reconcile started', 'Reconcile failed']);
  });
});
