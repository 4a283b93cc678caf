import { z } from 'zod';
import { readApiCall, readServiceEvent } from './cloudtrail.js';
import { readDeployment, readTaskState } from './ecs.js';
import { type Envelope, parseEnvelope } from './envelope.js';
import { isManualPayload, readManual } from './manual.js';
import { fromIssues, quote, unrecognised } from './result.js';
import { readScheduled } from './schedule.js';
import { readLabelUpdated } from './secretsmanager.js';
import type { EventResult } from './types.js';

/** The two envelope fields that pick a reader. */
const Route = z.object({ source: z.string(), 'detail-type': z.string() });

type Reader = (envelope: Envelope, input: unknown) => EventResult;

/** Which reader takes an event, by `source` and then `detail-type`. */
const READERS: Readonly<Record<string, Readonly<Record<string, Reader>>>> = {
  'aws.secretsmanager': {
    'Secret Label Updated': readLabelUpdated,
    'AWS Service Event via CloudTrail': readServiceEvent,
    'AWS API Call via CloudTrail': readApiCall,
  },
  'aws.ecs': {
    'ECS Deployment State Change': readDeployment,
    'ECS Task State Change': readTaskState,
  },
  'aws.events': {
    'Scheduled Event': readScheduled,
  },
};

/**
 * Turns a raw EventBridge event or a manual payload into a trigger, or says
 * why not. Never throws, whatever the input. `receivedAt` (ISO-8601) is the
 * time given to a manual payload, which carries none of its own.
 */
export function classifyEvent(
  input: unknown,
  receivedAt: string = new Date().toISOString(),
): EventResult {
  try {
    return classify(input, receivedAt);
  } catch {
    // Only a hostile input gets here (a getter or proxy that throws while read).
    return unrecognised('UnreadableInput', 'The input could not be read.');
  }
}

function classify(input: unknown, receivedAt: string): EventResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return unrecognised(
      'NotAnObject',
      `Expected a JSON object, received ${kindOf(input)}.`,
    );
  }
  if (isManualPayload(input)) return readManual(input, receivedAt);
  if (!Object.hasOwn(input, 'detail-type') && !Object.hasOwn(input, 'source')) {
    return unrecognised(
      'UnknownShape',
      'Expected an EventBridge event (source, detail-type) or a manual payload (scope).',
    );
  }

  const route = Route.safeParse(input);
  if (!route.success) return fromIssues(route.error, input);
  const { source, 'detail-type': detailType } = route.data;

  const bySource = own(READERS, source);
  if (!bySource) {
    return unrecognised('UnknownSource', `Source ${quote(source)} is not read.`);
  }
  const reader = own(bySource, detailType);
  if (!reader) {
    return unrecognised(
      'UnknownDetailType',
      `Detail-type ${quote(detailType)} from ${quote(source)} is not read.`,
    );
  }

  const parsed = parseEnvelope(input);
  if (!parsed.ok) return parsed.result;
  return reader(parsed.envelope, input);
}

/** A table lookup that ignores inherited keys such as `constructor`. */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function kindOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  return `a ${typeof input}`;
}
