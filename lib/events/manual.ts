import { z } from 'zod';
import { fromIssues, triggered } from './result.js';
import type { EventResult } from './types.js';

const MAX_NAMES = 100;

/** A cluster name or ARN, a secret name, partial ARN or full ARN. */
const Name = z.string().trim().min(1).max(2048);

const All = z.literal('all');

const Named = z
  .strictObject({
    clusters: z.array(Name).max(MAX_NAMES).default([]),
    secrets: z.array(Name).max(MAX_NAMES).default([]),
  })
  .refine((scope) => scope.clusters.length + scope.secrets.length > 0, {
    message: 'name at least one cluster or secret, or use "all"',
  });

const Envelope = z.strictObject({ scope: z.unknown() });

/**
 * The manual payload: `{"scope": "all"}`, or a scope that names clusters
 * and/or secrets, e.g. `{"scope": {"clusters": ["prod"], "secrets": ["db"]}}`.
 * No other key is accepted.
 */
export const ManualPayload = z.strictObject({ scope: z.union([All, Named]) });
export type ManualPayload = z.input<typeof ManualPayload>;

/** True when the object looks like a manual payload rather than an EventBridge event. */
export function isManualPayload(input: object): boolean {
  return Object.hasOwn(input, 'scope') && !Object.hasOwn(input, 'detail-type');
}

/** Reads a manual payload into a resync; `receivedAt` stands in for an event time. */
export function readManual(input: unknown, receivedAt: string): EventResult {
  const outer = Envelope.safeParse(input);
  if (!outer.success) return fromIssues(outer.error, input);

  // Read the two forms apart so an error names the field, not the union.
  const raw = outer.data.scope;
  const parsed = typeof raw === 'string' ? All.safeParse(raw) : Named.safeParse(raw);
  if (!parsed.success) return fromIssues(parsed.error, input, ['scope']);

  const scope = parsed.data;
  const all = scope === 'all';
  return triggered({
    at: receivedAt,
    eventId: null,
    account: null,
    region: null,
    kind: 'resync',
    source: 'manual',
    clusters: all ? [] : [...new Set(scope.clusters)],
    secrets: all ? [] : [...new Set(scope.secrets)],
  });
}
