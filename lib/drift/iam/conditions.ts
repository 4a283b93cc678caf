import type { ContextValue, Tri } from './types.js';
import { arnLike, hasPolicyVariable, wildcardMatch } from './wildcard.js';

/**
 * The condition keys the evaluator models: ECS secret injection only ever
 * sends these. A condition on any other key cannot be decided offline.
 */
const KNOWN_KEYS = new Set([
  'aws:principalarn',
  'aws:principalaccount',
  'aws:sourcevpce',
  'aws:sourcevpc',
  'secretsmanager:versionstage',
  'secretsmanager:versionid',
  'secretsmanager:secretid',
  'secretsmanager:resource/allowrotationlambdaarn',
  'kms:viaservice',
  'kms:calleraccount',
  'kms:encryptioncontext:secretarn',
  'kms:encryptioncontext:secretversionid',
]);
const KNOWN_PREFIXES = [
  'aws:resourcetag/',
  'aws:principaltag/',
  'secretsmanager:resourcetag/',
];

type BaseOperator = (value: string, policyValues: string[]) => boolean;

const equals = (value: string, p: string): boolean => value === p;
const equalsIgnoreCase = (value: string, p: string): boolean =>
  value.toLowerCase() === p.toLowerCase();
const like = (value: string, p: string): boolean => wildcardMatch(p, value);
const arn = (value: string, p: string): boolean => arnLike(p, value);
const bool = (value: string, p: string): boolean => {
  const v = value.toLowerCase();
  const q = p.toLowerCase();
  return (v === 'true' || v === 'false') && v === q;
};

const any =
  (test: (value: string, p: string) => boolean): BaseOperator =>
  (value, policyValues) =>
    policyValues.some((p) => test(value, p));
const none =
  (test: (value: string, p: string) => boolean): BaseOperator =>
  (value, policyValues) =>
    !policyValues.some((p) => test(value, p));

/** Base operators, and whether each is negated (true on a missing key). */
const OPERATORS: Record<string, { test: BaseOperator; negated: boolean }> = {
  StringEquals: { test: any(equals), negated: false },
  StringNotEquals: { test: none(equals), negated: true },
  StringEqualsIgnoreCase: { test: any(equalsIgnoreCase), negated: false },
  StringNotEqualsIgnoreCase: { test: none(equalsIgnoreCase), negated: true },
  StringLike: { test: any(like), negated: false },
  StringNotLike: { test: none(like), negated: true },
  ArnEquals: { test: any(arn), negated: false },
  ArnLike: { test: any(arn), negated: false },
  ArnNotEquals: { test: none(arn), negated: true },
  ArnNotLike: { test: none(arn), negated: true },
  Bool: { test: any(bool), negated: false },
};

export type ConditionOutcome = { match: Tri; reason: string | null };

type ParsedOperator = {
  set: 'ForAnyValue' | 'ForAllValues' | null;
  base: string;
  ifExists: boolean;
};

function parseOperator(name: string): ParsedOperator {
  let rest = name;
  let set: ParsedOperator['set'] = null;
  for (const prefix of ['ForAnyValue', 'ForAllValues'] as const) {
    if (rest.startsWith(`${prefix}:`)) {
      set = prefix;
      rest = rest.slice(prefix.length + 1);
    }
  }
  const ifExists = rest.endsWith('IfExists');
  return { set, base: ifExists ? rest.slice(0, -'IfExists'.length) : rest, ifExists };
}

function keyIsKnown(key: string, unknownKeys: string[]): boolean {
  const lower = key.toLowerCase();
  if (unknownKeys.some((prefix) => lower.startsWith(prefix.toLowerCase()))) {
    return false;
  }
  return (
    KNOWN_KEYS.has(lower) || KNOWN_PREFIXES.some((prefix) => lower.startsWith(prefix))
  );
}

function lookup(
  context: Record<string, ContextValue>,
  key: string,
): string | string[] | undefined {
  const lower = key.toLowerCase();
  for (const [name, value] of Object.entries(context)) {
    if (name.toLowerCase() === lower) {
      return typeof value === 'boolean' ? String(value) : value;
    }
  }
  return undefined;
}

function policyValues(raw: unknown): string[] | null {
  const list = Array.isArray(raw) ? raw : [raw];
  const out: string[] = [];
  for (const item of list) {
    if (
      typeof item === 'string' ||
      typeof item === 'number' ||
      typeof item === 'boolean'
    ) {
      out.push(String(item));
    } else {
      return null;
    }
  }
  return out;
}

function unknown(reason: string): ConditionOutcome {
  return { match: 'unknown', reason };
}

function evaluateOne(
  operatorName: string,
  key: string,
  rawValues: unknown,
  context: Record<string, ContextValue>,
  unknownKeys: string[],
): ConditionOutcome {
  const operator = parseOperator(operatorName);
  const values = policyValues(rawValues);
  if (!values) {
    return unknown(
      `condition ${operatorName} on ${key} has a value that is not a string`,
    );
  }
  if (values.some(hasPolicyVariable)) {
    return unknown(`condition ${operatorName} on ${key} uses a policy variable`);
  }
  if (!keyIsKnown(key, unknownKeys)) {
    return unknown(`condition key ${key} is not known for this request`);
  }
  const value = lookup(context, key);

  if (operator.base === 'Null') {
    if (operator.set || operator.ifExists) {
      return unknown(`condition operator ${operatorName} is not modelled`);
    }
    const goal = value === undefined ? 'true' : 'false';
    return {
      match: values.some((v) => v.toLowerCase() === goal) ? 'yes' : 'no',
      reason: null,
    };
  }

  const spec = OPERATORS[operator.base];
  if (!spec) {
    return unknown(`condition operator ${operatorName} is not modelled`);
  }
  if (operator.set && operator.ifExists) {
    return unknown(`condition operator ${operatorName} is not modelled`);
  }

  if (operator.set) {
    const set = value === undefined ? null : Array.isArray(value) ? value : [value];
    if (operator.set === 'ForAllValues') {
      const ok = set === null || set.every((v) => spec.test(v, values));
      return { match: ok ? 'yes' : 'no', reason: null };
    }
    const ok = set?.some((v) => spec.test(v, values)) ?? false;
    return { match: ok ? 'yes' : 'no', reason: null };
  }

  if (value === undefined) {
    return { match: operator.ifExists || spec.negated ? 'yes' : 'no', reason: null };
  }
  if (Array.isArray(value)) {
    return unknown(
      `condition ${operatorName} on multivalued key ${key} needs a set operator`,
    );
  }
  return { match: spec.test(value, values) ? 'yes' : 'no', reason: null };
}

/**
 * Evaluates a statement's Condition block: every operator and every key must
 * hold; several values for one key are alternatives.
 */
export function evaluateConditions(
  condition: unknown,
  context: Record<string, ContextValue>,
  unknownKeys: string[] = [],
): ConditionOutcome {
  if (condition === undefined) {
    return { match: 'yes', reason: null };
  }
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) {
    return unknown('the Condition element is not an object');
  }

  let pending: ConditionOutcome | null = null;
  for (const [operatorName, block] of Object.entries(condition)) {
    if (typeof block !== 'object' || block === null || Array.isArray(block)) {
      return unknown(`condition ${operatorName} is not an object`);
    }
    for (const [key, values] of Object.entries(block)) {
      const outcome = evaluateOne(operatorName, key, values, context, unknownKeys);
      if (outcome.match === 'no') {
        return outcome;
      }
      if (outcome.match === 'unknown' && !pending) {
        pending = outcome;
      }
    }
  }
  return pending ?? { match: 'yes', reason: null };
}
