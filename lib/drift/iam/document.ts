import { policyDocument } from '../../snapshot/policy.js';

/**
 * Reads a policy document as the AWS CLI prints it (object, JSON string, or
 * URL-encoded JSON string, the form get-role-policy returns) into statements.
 */

export type RawStatement = Record<string, unknown>;

export type ParsedPolicy =
  | { ok: true; statements: RawStatement[] }
  | { ok: false; error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a policy document; never throws. */
export function parsePolicyDocument(document: unknown): ParsedPolicy {
  if (document === undefined || document === null) {
    return { ok: false, error: 'the snapshot holds no policy text' };
  }

  const value = policyDocument(document);
  if (!value) {
    return { ok: false, error: 'the policy is not a JSON object' };
  }

  const raw = value.Statement;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (!list.every(isRecord)) {
    return { ok: false, error: 'a statement is not a JSON object' };
  }
  for (const statement of list) {
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') {
      return { ok: false, error: `a statement has Effect ${String(statement.Effect)}` };
    }
  }
  return { ok: true, statements: list };
}

/** A statement element that may be one string or a list, as a list of strings. */
export function stringList(value: unknown): string[] | null {
  if (typeof value === 'string') {
    return [value];
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value;
  }
  return null;
}
