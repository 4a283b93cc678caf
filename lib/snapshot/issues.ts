import type { z } from 'zod';
import type { SnapshotIssue } from './errors.js';

type ZodIssue = z.core.$ZodIssue;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Render a path the way a reader would write it: `services[3].deployments[0].createdAt`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') {
      text += `[${key}]`;
    } else if (typeof key === 'string' && IDENTIFIER.test(key)) {
      text += text === '' ? key : `.${key}`;
    } else {
      text += `[${JSON.stringify(String(key))}]`;
    }
  }
  return text;
}

/** Turn zod issues into path + expectation pairs, reading the document only for types. */
export function describeIssues(
  issues: readonly ZodIssue[],
  document: unknown,
): SnapshotIssue[] {
  return issues.map((issue) => ({
    path: formatPath(issue.path),
    expected: expectation(issue, valueAt(document, issue.path)),
  }));
}

function expectation(issue: ZodIssue, value: unknown): string {
  // Schemas that set their own error phrase it as an expectation already.
  const custom = issue.message.startsWith('expected ');
  switch (issue.code) {
    case 'invalid_type':
      return custom
        ? `${issue.message}, ${found(value)}`
        : `expected ${article(issue.expected)}, ${found(value)}`;
    case 'invalid_value':
      return `expected ${alternatives(issue.values.map((v) => JSON.stringify(v)))}, ${found(value)}`;
    case 'unrecognized_keys':
      return `unexpected key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_union':
      return custom
        ? `${issue.message}, ${found(value)}`
        : `expected ${unionExpectation(issue)}, ${found(value)}`;
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1
        ? 'expected a non-empty string'
        : issue.message;
    default:
      return issue.message;
  }
}

function unionExpectation(issue: ZodIssue & { code: 'invalid_union' }): string {
  const types = new Set<string>();
  for (const branch of issue.errors) {
    for (const inner of branch) {
      if (inner.code === 'invalid_type' && inner.path.length === 0) {
        types.add(article(inner.expected));
      }
    }
  }
  return types.size > 0 ? alternatives([...types]) : 'one of the accepted shapes';
}

/** Describe what was there without quoting it: values may be plaintext secrets. */
function found(value: unknown): string {
  if (value === undefined) return 'but it is missing';
  if (value === null) return 'got null';
  if (Array.isArray(value)) return 'got an array';
  if (typeof value === 'object') return 'got an object';
  return `got ${article(typeof value)}`;
}

function alternatives(options: readonly string[]): string {
  if (options.length < 2) return options.join('');
  return `${options.slice(0, -1).join(', ')} or ${options.at(-1)}`;
}

function article(type: string): string {
  if (type === 'nonoptional') return 'a value';
  if (type === 'null' || type === 'undefined') return type;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  let current = document;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
