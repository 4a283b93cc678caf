import type { Action, Finding, Reference } from '../plan/types.js';
import { type ActionType, severityRank } from '../plan/vocabulary.js';

/** Compares strings by code unit, the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNullable(a: string | null, b: string | null): number {
  return compare(a ?? '', b ?? '');
}

const ACTION_ORDER: readonly ActionType[] = ['redeploy', 'signal', 'block', 'skip'];

/** References by service, then task definition; the sort is stable, so container order stays. */
export function sortReferences(references: Reference[]): Reference[] {
  return [...references].sort(
    (a, b) =>
      compareNullable(a.serviceArn, b.serviceArn) ||
      compareNullable(a.taskDefinitionArn, b.taskDefinitionArn),
  );
}

/** Actions by type (redeploy, signal, block, skip), then cluster and service. */
export function sortActions(actions: Action[]): Action[] {
  return [...actions].sort(
    (a, b) =>
      ACTION_ORDER.indexOf(a.type) - ACTION_ORDER.indexOf(b.type) ||
      compare(a.clusterArn, b.clusterArn) ||
      compare(a.serviceArn, b.serviceArn),
  );
}

/** Findings worst first, then by resource, code, secret and message. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      compareNullable(a.resourceArn, b.resourceArn) ||
      compare(a.code, b.code) ||
      compareNullable(a.secretArn, b.secretArn) ||
      compare(a.message, b.message),
  );
}
