/** One problem found in a snapshot document. */
export type SnapshotIssue = {
  /** JSON path in the document, e.g. `services[3].deployments[0].createdAt`; empty at the root. */
  path: string;
  /** What the document should hold there. */
  expected: string;
};

/**
 * A snapshot could not be used: the file is unreadable, is not JSON, or does
 * not match the schema. Permanent for that input: retrying does not help.
 */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
  /** The file or label the document came from. */
  readonly source: string;
  /** Schema problems, in document order; empty for read and JSON errors. */
  readonly issues: readonly SnapshotIssue[];
  /** 1-based position of a JSON syntax error, when there is one. */
  readonly line: number | null;
  readonly column: number | null;

  constructor(
    message: string,
    details: {
      source: string;
      issues?: readonly SnapshotIssue[];
      line?: number | null;
      column?: number | null;
      cause?: unknown;
    },
  ) {
    super(message, { cause: details.cause });
    this.source = details.source;
    this.issues = details.issues ?? [];
    this.line = details.line ?? null;
    this.column = details.column ?? null;
  }
}
