import { EventBridgeSchema } from '@aws-lambda-powertools/parser/schemas/eventbridge';
import type { z } from 'zod';
import { fromIssues } from './result.js';
import type { EventResult } from './types.js';

/** The EventBridge envelope every AWS event arrives in (`detail` not yet read). */
export type Envelope = z.infer<typeof EventBridgeSchema>;

/** The parts of the envelope every trigger carries. */
export type EnvelopeBase = {
  at: string;
  eventId: string;
  account: string;
  region: string;
};

/** Validates the EventBridge envelope; `detail` stays unknown for the reader of its kind. */
export function parseEnvelope(
  input: unknown,
): { ok: true; envelope: Envelope } | { ok: false; result: EventResult } {
  const parsed = EventBridgeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, result: fromIssues(parsed.error, input) };
  return { ok: true, envelope: parsed.data };
}

/** The trigger fields taken from the envelope. */
export function baseOf(envelope: Envelope): EnvelopeBase {
  return {
    at: envelope.time,
    eventId: envelope.id,
    account: envelope.account,
    region: envelope.region,
  };
}
