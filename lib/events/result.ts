import type { z } from 'zod';
import type { IgnoredReason, UnrecognisedReason } from './reasons.js';
import type { EventResult, Trigger } from './types.js';

/** Wraps a trigger as a result. */
export function triggered(trigger: Trigger): EventResult {
  return { outcome: 'trigger', trigger };
}

/** A well-formed event that asks for nothing. */
export function ignored(reason: IgnoredReason, message: string): EventResult {
  return { outcome: 'ignored', reason, message };
}

/** Input that is not an event this controller reads. */
export function unrecognised(reason: UnrecognisedReason, message: string): EventResult {
  return { outcome: 'unrecognised', reason, message };
}

/**
 * Turns the first zod issue into `MissingField` or `InvalidField`, naming the
 * field path from the root of the input. Never echoes the received value.
 */
export function fromIssues(
  error: z.ZodError,
  input: unknown,
  prefix: readonly PropertyKey[] = [],
): EventResult {
  const issue = error.issues[0];
  if (issue === undefined) {
    return unrecognised('InvalidField', 'The input failed validation.');
  }

  const path = [...prefix, ...issue.path];
  const missing = issue.code === 'invalid_type' && !hasPath(input, path);
  const where = formatPath(path);

  if (missing) {
    return unrecognised('MissingField', `${where} is required.`);
  }
  return unrecognised('InvalidField', `${where}: ${issue.message}`);
}

/** `detail.requestParameters.secretId`, `resources[0]`, or `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';

  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Shortens a value the event names (an event name, a detail-type) for a message. */
export function quote(value: string): string {
  const short = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return JSON.stringify(short);
}

function hasPath(input: unknown, path: readonly PropertyKey[]): boolean {
  let node: unknown = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return false;
    if (!Object.hasOwn(node, key)) return false;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node !== undefined;
}
