import { ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ActConfig, ActDeps } from '../../../lib/act/index.js';
import { act } from '../../../lib/act/index.js';
import { silentLog } from '../../../lib/log.js';
import type { SignalLedger } from '../../../lib/records/index.js';
import {
  arn,
  buildSecret,
  buildService,
  buildSnapshot,
} from '../../support/snapshots.js';
import { loadPlanFixture } from './plans.js';

const ecs = mockClient(ECSClient);
const events = mockClient(EventBridgeClient);
const NOW = new Date('2024-05-01T12:00:00Z');

const ENFORCE: ActConfig = {
  mode: 'enforce',
  eventBusName: 'reconciler',
  maxDeploymentsPerCluster: 5,
  updateServiceRate: 2,
};

function deps(overrides: Partial<ActDeps> = {}): ActDeps {
  return {
    ecs: new ECSClient({ region: 'us-east-1' }),
    eventBridge: new EventBridgeClient({ region: 'us-east-1' }),
    config: ENFORCE,
    log: silentLog,
    now: () => NOW,
    sleep: async () => {},
    reconcileId: 'rec-1',
    ...overrides,
  };
}

function memoryLedger(): SignalLedger {
  const claimed = new Map<string, string>();
  return {
    async claim(service, secret, version) {
      const key = `${service}|${secret}`;
      if (claimed.get(key) === version) return false;
      claimed.set(key, version);
      return true;
    },
    async release(service, secret) {
      claimed.delete(`${service}|${secret}`);
    },
  };
}

function putEventsAccepting(): void {
  events.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => ({
    FailedEntryCount: 0,
    Entries: input.Entries.map((_, i) => ({ EventId: `evt-${i}` })),
  }));
}

function updateServiceAnswering(): void {
  ecs.on(UpdateServiceCommand).callsFake((input: { service: string }) => ({
    service: {
      serviceArn: input.service,
      deployments: [
        { id: `ecs-svc/new-${input.service.split('/').at(-1)}`, status: 'PRIMARY' },
      ],
    },
  }));
}

function sentDetails(detailType: string): Record<string, unknown>[] {
  return events
    .commandCalls(PutEventsCommand)
    .flatMap((call) => call.args[0].input.Entries ?? [])
    .filter((entry) => entry.DetailType === detailType)
    .map((entry) => JSON.parse(entry.Detail ?? '{}'));
}

const SNAPSHOT = buildSnapshot({
  services: ['api', 'web', 'worker', 'batch'].map((name) => buildService({ name })),
  secrets: [
    buildSecret({
      name: 'db',
      versions: {
        v1: { stages: ['AWSPREVIOUS'], createdAt: '2024-01-01T00:00:00Z' },
        v2: { stages: ['AWSCURRENT'], createdAt: '2024-05-01T11:59:00Z' },
      },
    }),
  ],
});

describe('act', () => {
  beforeEach(() => {
    ecs.reset();
    events.reset();
  });

  it('forces a new deployment and records the new PRIMARY id when enforcing', async () => {
    updateServiceAnswering();
    putEventsAccepting();

    const report = await act(loadPlanFixture('rotation'), deps({ snapshot: SNAPSHOT }));

    const api = report.outcomes.find((o) => o.serviceArn === arn.service('main', 'api'));
    expect(api).toMatchObject({ outcome: 'succeeded', deploymentId: 'ecs-svc/new-api' });
    expect(ecs.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input)).toEqual([
      {
        cluster: arn.cluster('main'),
        service: arn.service('main', 'api'),
        forceNewDeployment: true,
      },
      {
        cluster: arn.cluster('main'),
        service: arn.service('main', 'web'),
        forceNewDeployment: true,
      },
    ]);
    expect(report.retryable).toBe(false);
  });

  it('touches nothing and still publishes every action and finding when observing', async () => {
    putEventsAccepting();

    const report = await act(
      loadPlanFixture('rotation'),
      deps({ config: { ...ENFORCE, mode: 'observe' } }),
    );

    expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(0);
    expect(sentDetails('Secret Refresh Requested')).toHaveLength(0);
    expect(report.outcomes.map((o) => [o.type, o.outcome, o.reason])).toEqual([
      ['redeploy', 'skipped', 'ObserveMode'],
      ['redeploy', 'skipped', 'ObserveMode'],
      ['signal', 'skipped', 'ObserveMode'],
      ['skip', 'skipped', 'OptedOut'],
    ]);
    expect(sentDetails('Secret Reconciler Action')).toHaveLength(4);
    expect(sentDetails('Secret Reconciler Finding')).toHaveLength(1);
    expect(report.published).toEqual({ sent: 5, failed: 0, retryable: false });
  });

  it('defers redeploys past the cluster budget when deployments are already in flight', async () => {
    updateServiceAnswering();
    putEventsAccepting();
    const rolling = buildService({
      name: 'other',
      deployments: [
        {
          id: 'ecs-svc/rolling',
          status: 'PRIMARY',
          createdAt: '2024-05-01T11:00:00Z',
          rolloutState: 'IN_PROGRESS',
        },
      ],
    });
    const snapshot = buildSnapshot({ ...SNAPSHOT, services: [rolling] });

    const report = await act(
      loadPlanFixture('rotation'),
      deps({ snapshot, config: { ...ENFORCE, maxDeploymentsPerCluster: 2 } }),
    );

    expect(report.outcomes.slice(0, 2).map((o) => [o.outcome, o.reason])).toEqual([
      ['succeeded', 'SecretVersionChanged'],
      ['deferred', 'BudgetExhausted'],
    ]);
    expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(1);
  });

  it('paces UpdateService calls at the configured rate', async () => {
    updateServiceAnswering();
    putEventsAccepting();
    const waits: number[] = [];

    await act(
      loadPlanFixture('rotation'),
      deps({
        sleep: async (ms) => void waits.push(ms),
        config: { ...ENFORCE, updateServiceRate: 4 },
      }),
    );

    expect(waits).toEqual([250]);
  });

  it.each([
    ['ServiceNotFoundException', 400, 'client', false],
    ['AccessDeniedException', 403, 'client', false],
    ['ThrottlingException', 400, 'client', true],
    ['ServerException', 500, 'server', true],
  ])(
    'reports %s once and goes on with the other actions (retryable: %s)',
    async (name, status, fault, retryable) => {
      const error = Object.assign(new Error(`${name} happened`), {
        name,
        $fault: fault,
        $metadata: { httpStatusCode: status },
      });
      ecs
        .on(UpdateServiceCommand, { service: arn.service('main', 'api') })
        .rejects(error);
      ecs.on(UpdateServiceCommand, { service: arn.service('main', 'web') }).resolves({
        service: { deployments: [{ id: 'ecs-svc/new-web', status: 'PRIMARY' }] },
      });
      putEventsAccepting();

      const report = await act(loadPlanFixture('rotation'), deps());

      expect(report.outcomes[0]).toMatchObject({
        outcome: 'failed',
        error: { name, message: `${name} happened`, retryable },
      });
      expect(report.outcomes[1]).toMatchObject({ outcome: 'succeeded' });
      expect(report.findings.map((f) => f.code)).toEqual(['ActionFailed']);
      expect(report.retryable).toBe(retryable);
      expect(sentDetails('Secret Reconciler Finding').map((d) => d.code)).toContain(
        'ActionFailed',
      );
    },
  );

  it('signals once per service and secret version when the same plan runs twice', async () => {
    updateServiceAnswering();
    putEventsAccepting();
    const signals = memoryLedger();

    const first = await act(
      loadPlanFixture('rotation'),
      deps({ snapshot: SNAPSHOT, signals }),
    );
    const second = await act(
      loadPlanFixture('rotation'),
      deps({ snapshot: SNAPSHOT, signals }),
    );

    const refreshes = sentDetails('Secret Refresh Requested');
    expect(refreshes).toEqual([
      {
        schemaVersion: 1,
        reconcileId: 'rec-1',
        serviceArn: arn.service('main', 'worker'),
        clusterArn: arn.cluster('main'),
        secretArns: [arn.secret('db')],
        secrets: [{ secretArn: arn.secret('db'), label: 'AWSCURRENT', versionId: 'v2' }],
        reason: 'SecretVersionChanged',
      },
    ]);
    expect(first.outcomes[2]).toMatchObject({ outcome: 'succeeded', eventId: 'evt-0' });
    expect(second.outcomes[2]).toMatchObject({
      outcome: 'skipped',
      reason: 'AlreadySignalled',
    });
  });

  it('gives a signal claim back when the signal cannot be sent', async () => {
    updateServiceAnswering();
    const signals = memoryLedger();
    events.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'AccessDeniedException', ErrorMessage: 'no' }],
    });

    const report = await act(
      loadPlanFixture('rotation'),
      deps({ snapshot: SNAPSHOT, signals }),
    );

    expect(report.outcomes[2]).toMatchObject({
      outcome: 'failed',
      error: { name: 'AccessDeniedException', retryable: false },
    });
    expect(
      await signals.claim(arn.service('main', 'worker'), arn.secret('db'), 'v2'),
    ).toBe(true);
  });
});
