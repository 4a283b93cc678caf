import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import type { Log } from '../log.js';
import { describeError, isRetryableError } from './errors.js';
import { entrySize, MAX_ENTRIES_PER_REQUEST, MAX_REQUEST_BYTES } from './events.js';

/** Rounds of PutEvents for entries that failed with a transient error. */
const MAX_ATTEMPTS = 3;
const BASE_DELAY_MS = 200;

/** Per-entry error codes of PutEvents that a later attempt may get past. */
const RETRYABLE_CODES = new Set([
  'ThrottlingException',
  'InternalFailure',
  'InternalException',
]);

/** The result of publishing: one event id (or null) per entry, in order. */
export type Published = {
  eventIds: (string | null)[];
  sent: number;
  failed: number;
  /** True when some entry failed with an error a later reconcile may get past. */
  retryable: boolean;
};

type Failure = { index: number; code: string; message: string; retryable: boolean };

/** Groups entry indices into requests of at most 10 entries under 256 KB. */
export function batches(
  entries: readonly PutEventsRequestEntry[],
  indices: number[],
): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let size = 0;
  for (const index of indices) {
    const bytes = entrySize(entries[index]!);
    if (current.length === MAX_ENTRIES_PER_REQUEST || size + bytes > MAX_REQUEST_BYTES) {
      if (current.length > 0) groups.push(current);
      current = [];
      size = 0;
    }
    current.push(index);
    size += bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

async function sendBatch(
  client: EventBridgeClient,
  entries: readonly PutEventsRequestEntry[],
  batch: number[],
  eventIds: (string | null)[],
): Promise<Failure[]> {
  try {
    const response = await client.send(
      new PutEventsCommand({ Entries: batch.map((index) => entries[index]!) }),
    );
    const failures: Failure[] = [];
    batch.forEach((index, position) => {
      const result = response.Entries?.[position];
      if (result?.EventId !== undefined && result.ErrorCode === undefined) {
        eventIds[index] = result.EventId;
        return;
      }
      const code = result?.ErrorCode ?? 'MissingResult';
      const message = result?.ErrorMessage ?? 'no result for the entry';
      failures.push({ index, code, message, retryable: RETRYABLE_CODES.has(code) });
    });
    return failures;
  } catch (error) {
    const { name, message } = describeError(error);
    const retryable = isRetryableError(error);
    return batch.map((index) => ({ index, code: name, message, retryable }));
  }
}

/**
 * Puts entries on EventBridge in requests within its limits, checking each
 * entry's result and retrying those that failed with a transient error.
 */
export async function publishEntries(
  client: EventBridgeClient,
  entries: readonly PutEventsRequestEntry[],
  deps: { log: Log; sleep: (ms: number) => Promise<void> },
): Promise<Published> {
  const eventIds: (string | null)[] = entries.map(() => null);
  let pending = entries.map((_, index) => index);
  let failures: Failure[] = [];

  for (let attempt = 1; attempt <= MAX_ATTEMPTS && pending.length > 0; attempt += 1) {
    if (attempt > 1) await deps.sleep(BASE_DELAY_MS * 2 ** (attempt - 2));
    const tooLarge = pending.filter((i) => entrySize(entries[i]!) > MAX_REQUEST_BYTES);
    const sendable = pending.filter((i) => !tooLarge.includes(i));

    const results = await Promise.all(
      batches(entries, sendable).map((batch) =>
        sendBatch(client, entries, batch, eventIds),
      ),
    );
    failures = [
      ...failures.filter((failure) => !failure.retryable),
      ...tooLarge.map((index) => ({
        index,
        code: 'EntryTooLarge',
        message: `entry is ${entrySize(entries[index]!)} bytes`,
        retryable: false,
      })),
      ...results.flat(),
    ];
    pending = failures.filter((failure) => failure.retryable).map((f) => f.index);
  }

  for (const failure of failures) {
    deps.log.warn('Event not published', {
      detailType: entries[failure.index]?.DetailType,
      errorName: failure.code,
      errorMessage: failure.message,
      retryable: failure.retryable,
    });
  }
  return {
    eventIds,
    sent: eventIds.filter((id) => id !== null).length,
    failed: failures.length,
    retryable: failures.some((failure) => failure.retryable),
  };
}
