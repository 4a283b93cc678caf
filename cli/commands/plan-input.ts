import { readFile } from 'node:fs/promises';
import { InvalidArgumentError } from 'commander';
import { DEFAULT_POLICY } from '../../lib/decide/policy.js';
import { planWithDrift } from '../../lib/drift/index.js';
import { classifyEvent } from '../../lib/events/index.js';
import type { Trigger, TriggerKind } from '../../lib/events/types.js';
import type { Plan, PlanTrigger } from '../../lib/plan/types.js';
import { readErrorText } from '../../lib/snapshot/file-errors.js';
import { parseJsonText } from '../../lib/snapshot/json.js';
import type { Snapshot } from '../../lib/snapshot/types.js';
import { InputError } from '../errors.js';
import { scopeWarnings } from './snapshot-scope.js';

/** What the event file asks for: a trigger, or nothing (and why). */
export type PlanInput =
  | { outcome: 'trigger'; trigger: Trigger }
  | { outcome: 'ignored'; trigger: PlanTrigger; reason: string; message: string };

/**
 * A manual resync of an account (null: the one observed), limited to some
 * clusters or the consumers of some secrets when `limits` names them.
 */
export function resyncTrigger(
  where: { account: string | null; region: string },
  now: Date,
  limits: { clusters?: string[]; secrets?: string[] } = {},
): Trigger {
  return {
    kind: 'resync',
    source: 'manual',
    clusters: limits.clusters ?? [],
    secrets: limits.secrets ?? [],
    at: now.toISOString(),
    eventId: null,
    account: where.account,
    region: where.region,
  };
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new InputError(`cannot read event ${path}: ${readErrorText(cause)}`, { cause });
  }
  // Node's own message quotes the text; name the position instead.
  const parsed = parseJsonText(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) {
    const { line, column, reason } = parsed.problem;
    throw new InputError(
      `invalid JSON in event ${path} at line ${line}, column ${column}: ${reason}`,
      { cause: parsed.cause },
    );
  }
  return parsed.value;
}

function field(raw: unknown, key: string): unknown {
  return typeof raw === 'object' && raw !== null
    ? (raw as Record<string, unknown>)[key]
    : null;
}

/**
 * The trigger family an ignored event belongs to, from its EventBridge
 * source, so the empty plan still says what kind of event it was.
 */
function ignoredKind(raw: unknown): TriggerKind {
  const source = field(raw, 'source');
  if (source === 'aws.secretsmanager') return 'secretChanged';
  if (source !== 'aws.ecs') return 'resync';
  return field(raw, 'detail-type') === 'ECS Task State Change'
    ? 'taskStopped'
    : 'serviceChanged';
}

/**
 * Reads and classifies an event file; an unrecognised event is an InputError.
 * A manual payload carries no time of its own: it is received at `now`.
 */
export async function readEventFile(path: string, now: Date): Promise<PlanInput> {
  const raw = await readJson(path);
  const result = classifyEvent(raw, now.toISOString());
  switch (result.outcome) {
    case 'trigger':
      return result;
    case 'ignored': {
      const eventId = field(raw, 'id');
      const trigger: PlanTrigger = {
        kind: ignoredKind(raw),
        eventId: typeof eventId === 'string' ? eventId : null,
        ignored: { reason: result.reason, message: result.message },
      };
      return {
        outcome: 'ignored',
        trigger,
        reason: result.reason,
        message: result.message,
      };
    }
    case 'unrecognised':
      throw new InputError(
        `event ${path} is not one this controller reads (${result.reason}): ${result.message}`,
      );
  }
}

/** Parses `--now`: an ISO-8601 time. */
export function parseNow(value: string): Date {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new InvalidArgumentError('expected an ISO-8601 time.');
  return new Date(ms);
}

/** A plan made offline, and what a person reading it should be told. */
export type OfflinePlan = {
  plan: Plan;
  /**
   * The trigger whose view of label moves applies: the event's, or a full
   * resync when the event asks for nothing.
   */
  moves: Trigger;
  /** Why the event asks for nothing, when it does. */
  notes: string[];
};

/**
 * The plan for `event` (a file; a full resync without one) on `snapshot` at
 * `now`. Each name a manual scope gives that `source` does not hold is
 * passed to `warn`: such a scope plans nothing for it.
 */
export async function planOffline(
  snapshot: Snapshot,
  input: { event: string | undefined; now: Date; source: string },
  warn: (warning: string) => void,
): Promise<OfflinePlan> {
  const { event, now, source } = input;
  const resync = resyncTrigger(snapshot, now);
  const read: PlanInput =
    event === undefined
      ? { outcome: 'trigger', trigger: resync }
      : await readEventFile(event, now);

  if (read.outcome === 'ignored') {
    const plan: Plan = {
      schemaVersion: 1,
      generatedAt: now.toISOString(),
      trigger: read.trigger,
      references: [],
      actions: [],
      findings: [],
    };
    const why = `event ${event} asks for nothing (${read.reason}): ${read.message}`;
    return { plan, moves: resync, notes: [why] };
  }
  for (const warning of scopeWarnings(snapshot, read.trigger, source)) warn(warning);
  const plan = planWithDrift(snapshot, read.trigger, DEFAULT_POLICY, now);
  return { plan, moves: read.trigger, notes: [] };
}
