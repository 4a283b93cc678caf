import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { batches, publishEntries } from '../../../lib/act/publish.js';
import { silentLog } from '../../../lib/log.js';

const events = mockClient(EventBridgeClient);
const client = new EventBridgeClient({ region: 'us-east-1' });
const deps = { log: silentLog, sleep: async () => {} };

function entryOf(detailBytes: number): PutEventsRequestEntry {
  return {
    Source: 'ecs-secret-reconciler',
    DetailType: 'Secret Reconciler Finding',
    Detail: JSON.stringify({ pad: 'x'.repeat(Math.max(0, detailBytes - 10)) }),
  };
}

describe('publish', () => {
  beforeEach(() => events.reset());

  it.each([
    ['25 small entries', 25, 100, [10, 10, 5]],
    ['3 entries of 100 KB', 3, 100_000, [2, 1]],
    ['no entries', 0, 100, []],
  ])('splits %s into requests within the limits', (_label, count, bytes, sizes) => {
    const entries = Array.from({ length: count }, () => entryOf(bytes));

    const groups = batches(
      entries,
      entries.map((_, index) => index),
    );

    expect(groups.map((group) => group.length)).toEqual(sizes);
  });

  it('retries only the entries that failed with a transient error', async () => {
    let call = 0;
    events
      .on(PutEventsCommand)
      .callsFake((input: { Entries: PutEventsRequestEntry[] }) => {
        call += 1;
        return {
          FailedEntryCount: call === 1 ? 2 : 0,
          Entries: input.Entries.map((_, i) =>
            call === 1 && i > 0
              ? { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' }
              : { EventId: `evt-${call}-${i}` },
          ),
        };
      });

    const published = await publishEntries(
      client,
      [1, 2, 3].map(() => entryOf(50)),
      deps,
    );

    expect(published).toEqual({
      eventIds: ['evt-1-0', 'evt-2-0', 'evt-2-1'],
      sent: 3,
      failed: 0,
      retryable: false,
    });
    expect(events.commandCalls(PutEventsCommand)[1]?.args[0].input.Entries).toHaveLength(
      2,
    );
  });

  it('gives up on an entry once when its error is permanent', async () => {
    events.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'MalformedDetail', ErrorMessage: 'bad' }],
    });

    const published = await publishEntries(client, [entryOf(50)], deps);

    expect(published).toMatchObject({ sent: 0, failed: 1, retryable: false });
    expect(events.commandCalls(PutEventsCommand)).toHaveLength(1);
  });

  it('reports retryable when throttling outlasts every attempt', async () => {
    const throttled = Object.assign(new Error('rate'), { name: 'ThrottlingException' });
    events.on(PutEventsCommand).rejects(throttled);

    const published = await publishEntries(client, [entryOf(50)], deps);

    expect(published).toMatchObject({ sent: 0, failed: 1, retryable: true });
    expect(events.commandCalls(PutEventsCommand)).toHaveLength(3);
  });
});
