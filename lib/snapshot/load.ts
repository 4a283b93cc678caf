import { readFile } from 'node:fs/promises';
import { SnapshotError, type SnapshotIssue } from './errors.js';
import { readErrorText } from './file-errors.js';
import { describeIssues } from './issues.js';
import { parseJsonText } from './json.js';
import { SnapshotSchema } from './schema.js';
import type { Snapshot } from './types.js';

/** Problems listed in an error message; the rest are counted. */
const MAX_LISTED_ISSUES = 10;

/** Read, parse and validate a snapshot file; any failure is a SnapshotError naming the file. */
export async function loadSnapshotFile(path: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new SnapshotError(`cannot read snapshot ${path}: ${readErrorText(cause)}`, {
      source: path,
      cause,
    });
  }

  // Editors on Windows save UTF-8 with a byte order mark; JSON.parse rejects it.
  const parsed = parseJsonText(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) {
    const { line, column, reason } = parsed.problem;
    throw new SnapshotError(
      `invalid JSON in snapshot ${path} at line ${line}, column ${column}: ${reason}`,
      { source: path, line, column, cause: parsed.cause },
    );
  }

  return parseSnapshot(parsed.value, path);
}

/**
 * Validate a snapshot document and normalise it (timestamps to ISO-8601 UTC,
 * defaults filled). `source` names the document in error messages.
 */
export function parseSnapshot(json: unknown, source: string): Snapshot {
  const result = SnapshotSchema.safeParse(json);
  if (!result.success) {
    const issues = describeIssues(result.error.issues, json);
    throw new SnapshotError(issueMessage(source, issues), {
      source,
      issues,
      cause: result.error,
    });
  }

  const duplicates = duplicateArns(result.data);
  if (duplicates.length > 0) {
    throw new SnapshotError(issueMessage(source, duplicates), {
      source,
      issues: duplicates,
    });
  }
  return result.data;
}

function issueMessage(source: string, issues: readonly SnapshotIssue[]): string {
  const lines = issues
    .slice(0, MAX_LISTED_ISSUES)
    .map(
      (issue) => `${issue.path === '' ? '(document)' : issue.path}: ${issue.expected}`,
    );
  if (issues.length === 1) {
    return `invalid snapshot ${source}: ${lines[0]}`;
  }
  const more = issues.length - lines.length;
  return [
    `invalid snapshot ${source}: ${issues.length} problems`,
    ...lines.map((line) => `  ${line}`),
    ...(more > 0 ? [`  and ${more} more`] : []),
  ].join('\n');
}

/** Lookups by ARN must be unambiguous: the same ARN twice in a section is an error. */
function duplicateArns(snapshot: Snapshot): SnapshotIssue[] {
  const sections: [string, readonly Record<string, unknown>[], string][] = [
    ['clusters', snapshot.clusters, 'clusterArn'],
    ['services', snapshot.services, 'serviceArn'],
    ['taskDefinitions', snapshot.taskDefinitions, 'taskDefinitionArn'],
    ['tasks', snapshot.tasks ?? [], 'taskArn'],
    ['secrets', snapshot.secrets, 'ARN'],
  ];

  const issues: SnapshotIssue[] = [];
  for (const [section, items, key] of sections) {
    const first = new Map<unknown, number>();
    items.forEach((item, index) => {
      const arn = item[key];
      const earlier = first.get(arn);
      if (earlier === undefined) {
        first.set(arn, index);
        return;
      }
      issues.push({
        path: `${section}[${index}].${key}`,
        expected: `expected a unique ${key}, ${section}[${earlier}] has the same`,
      });
    });
  }
  return issues;
}
