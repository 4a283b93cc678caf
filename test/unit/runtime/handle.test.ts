import { describe, expect, it } from 'vitest';
import type { Trigger, TriggerKind } from '../../../lib/events/types.js';
import type { Log } from '../../../lib/log.js';
import type { ReconcileReport } from '../../../lib/reconcile/index.js';
import { RetryableReconcileError } from '../../../lib/runtime/errors.js';
import { handleEvent } from '../../../lib/runtime/handle.js';
import { loadEventFixture } from '../../support/fixtures.js';

type Logged = { level: string; message: string; fields: Record<string, unknown> };

function harness(retryable = false) {
  const logged: Logged[] = [];
  const counts: Record<string, number> = {};
  const reconciled: Trigger[] = [];
  const record =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      logged.push({ level, message, fields });
    };
  const log: Log = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
  const deps = {
    log,
    counter: {
      count: (name: string) => {
        counts[name] = (counts[name] ?? 0) + 1;
      },
    },
    reconcile: async (trigger: Trigger) => {
      reconciled.push(trigger);
      return {
        reconcileId: 'r-1',
        retryable,
        outcomes: [
          { type: 'redeploy', outcome: 'succeeded', reason: 'SecretVersionChanged' },
        ],
        plan: { findings: [{ code: 'StaleTasksRunning' }] },
        findings: [{ code: 'ActionFailed' }],
      } as ReconcileReport;
    },
  };
  return { deps, logged, counts, reconciled };
}

const SECRET: readonly TriggerKind[] = ['secretChanged'];

describe('handle', () => {
  it('reconciles the trigger when the event is one the function handles', async () => {
    const { deps, reconciled, counts } = harness();

    const result = await handleEvent(
      await loadEventFixture('secretsmanager/secret-label-updated.json'),
      SECRET,
      deps,
    );

    expect(result.outcome).toBe('reconciled');
    expect(reconciled.map((trigger) => trigger.kind)).toEqual(['secretChanged']);
    expect(counts).toEqual({
      EventAccepted: 1,
      'redeploy.succeeded': 1,
      'reason.SecretVersionChanged': 1,
      'finding.StaleTasksRunning': 1,
      'finding.ActionFailed': 1,
    });
  });

  it.each([
    [
      'a malformed event',
      { 'detail-type': 'Secret Label Updated', source: 'aws.secretsmanager' },
    ],
    ['a foreign event', { hello: 'world' }],
    ['null', null],
  ])('logs and drops %s without reconciling or throwing', async (_name, event) => {
    const { deps, reconciled, logged, counts } = harness();

    const result = await handleEvent(event, SECRET, deps);

    expect(result.outcome).toBe('unrecognised');
    expect(reconciled).toEqual([]);
    expect(logged).toEqual([
      expect.objectContaining({ level: 'warn', message: 'Event not acted on' }),
    ]);
    expect(counts).toEqual({ EventUnrecognised: 1 });
  });

  it('drops an event meant for another function when its trigger kind is not accepted', async () => {
    const { deps, reconciled } = harness();

    const result = await handleEvent(
      await loadEventFixture('ecs/deployment-failed.json'),
      SECRET,
      deps,
    );

    expect(result).toMatchObject({ outcome: 'unrecognised', reason: 'WrongFunction' });
    expect(reconciled).toEqual([]);
  });

  it('reports an ignored write without reconciling when it only adds AWSPENDING', async () => {
    const { deps, reconciled, counts } = harness();

    const result = await handleEvent(
      await loadEventFixture('secretsmanager/put-secret-value-pending.json'),
      SECRET,
      deps,
    );

    expect(result.outcome).toBe('ignored');
    expect(reconciled).toEqual([]);
    expect(counts).toEqual({ EventIgnored: 1 });
  });

  it('throws a retryable error when the reconcile had failures worth retrying', async () => {
    const { deps } = harness(true);
    const event = await loadEventFixture('secretsmanager/secret-label-updated.json');

    await expect(handleEvent(event, SECRET, deps)).rejects.toBeInstanceOf(
      RetryableReconcileError,
    );
  });
});
