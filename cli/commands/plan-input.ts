import { readFile } from 'node:fs/promises';
import { classifyEvent } from '../../lib/events/index.js';
import type { Trigger, TriggerKind } from '../../lib/events/types.js';
import type { PlanTrigger } from '../../lib/plan/types.js';
import { readErrorText } from '../../lib/snapshot/file-errors.js';
import { parseJsonText } from '../../lib/snapshot/json.js';
import { InputError } from '../errors.js';

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
