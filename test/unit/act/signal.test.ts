import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SignalError } from '../../../lib/act/errors.js';
import { signal } from '../../../lib/act/signal.js';
import type { Action } from '../../../lib/plan/types.js';
import type { SignalLedger } from '../../../lib/records/index.js';
import { arn } from '../../support/snapshots.js';

const events = mockClient(EventBridgeClient);

const ACTION: Action = {
  type: 'signal',
  serviceArn: arn.service('main', 'worker'),
  clusterArn: arn.cluster('main'),
  secretArns: [arn.secret('db'), arn.secret('api-key')],
  reason: 'SecretVersionChanged',
  message: 'worker follows AWSCURRENT of db and api-key, which moved.',
};

const VERSIONS = [
  { secretArn: arn.secret('db'), label: 'AWSCURRENT', versionId: 'v2' },
  { secretArn: arn.secret('api-key'), label: 'AWSCURRENT', versionId: 'k7' },
];

/** A ledger in memory whose claims fail for the secrets named in `failing`. */
function memoryLedger(failing: Set<string> = new Set()): SignalLedger {
  const claimed = new Map<string, string>();
  return {
    async claim(service, secret, version) {
      if (failing.has(secret)) {
        throw Object.assign(new Error('rate exceeded'), {
          name: 'ProvisionedThroughputExceededException',
        });
      }
      const key = `${service}|${secret}`;
      if (claimed.get(key) === version) return false;
      claimed.set(key, version);
      return true;
    },
    async release(service, secret, version) {
      const key = `${service}|${secret}`;
      if (claimed.get(key) === version) claimed.delete(key);
    },
  };
}

function deps(ledger: SignalLedger) {
  return {
    eventBridge: new EventBridgeClient({ region: 'us-east-1' }),
    busName: 'reconciler',
    reconcileId: 'rec-1',
    time: new Date('2024-05-01T12:00:00Z'),
    ledger,
  };
}

describe('signal', () => {
  beforeEach(() => {
    events.reset();
    events.on(PutEventsCommand).resolves({
      FailedEntryCount: 0,
      Entries: [{ EventId: 'evt-1' }],
    });
  });

  it('gives back the claims already made when a later claim fails', async () => {
    const failing = new Set([arn.secret('api-key')]);
    const ledger = memoryLedger(failing);

    const attempt = signal(ACTION, VERSIONS, deps(ledger));

    await expect(attempt).rejects.toBeInstanceOf(SignalError);
    await expect(attempt).rejects.toMatchObject({ retryable: true });
    expect(events.commandCalls(PutEventsCommand)).toHaveLength(0);
    failing.clear();
    expect(await ledger.claim(ACTION.serviceArn, arn.secret('db'), 'v2')).toBe(true);
  });

  it('announces every version on the retry after a claim failed', async () => {
    const failing = new Set([arn.secret('api-key')]);
    const ledger = memoryLedger(failing);
    await signal(ACTION, VERSIONS, deps(ledger)).catch(() => undefined);
    failing.clear();

    const { eventId } = await signal(ACTION, VERSIONS, deps(ledger));

    expect(eventId).toBe('evt-1');
    const [call] = events.commandCalls(PutEventsCommand);
    const detail = JSON.parse(call?.args[0].input.Entries?.[0]?.Detail ?? '{}');
    expect(detail.secrets).toEqual(VERSIONS);
  });

  it('sends nothing when every version was signalled before', async () => {
    const ledger = memoryLedger();
    await signal(ACTION, VERSIONS, deps(ledger));

    const second = await signal(ACTION, VERSIONS, deps(ledger));

    expect(second.eventId).toBeNull();
    expect(events.commandCalls(PutEventsCommand)).toHaveLength(1);
  });

  it('signals once when a service follows two labels of one secret on different versions', async () => {
    const ledger = memoryLedger();
    const twoLabels = [
      { secretArn: arn.secret('db'), label: 'AWSCURRENT', versionId: 'v2' },
      { secretArn: arn.secret('db'), label: 'AWSPREVIOUS', versionId: 'v1' },
    ];

    const first = await signal(ACTION, twoLabels, deps(ledger));
    const second = await signal(ACTION, twoLabels, deps(ledger));

    expect(first.eventId).toBe('evt-1');
    expect(second.eventId).toBeNull();
    expect(events.commandCalls(PutEventsCommand)).toHaveLength(1);
  });
});
