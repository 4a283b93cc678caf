import { z } from 'zod';
import { baseOf, type Envelope } from './envelope.js';
import { fromIssues, triggered } from './result.js';
import type { EventResult } from './types.js';

/** A scheduled rule's event carries an empty `detail`. */
const ScheduledDetail = z.object({});

/** Reads an EventBridge `Scheduled Event` into a full resync. */
export function readScheduled(envelope: Envelope, input: unknown): EventResult {
  const parsed = ScheduledDetail.safeParse(envelope.detail);
  if (!parsed.success) return fromIssues(parsed.error, input, ['detail']);

  return triggered({
    ...baseOf(envelope),
    kind: 'resync',
    source: 'schedule',
    clusters: [],
    secrets: [],
  });
}
