import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { Action, Finding } from '../plan/types.js';
import type { ActionOutcome } from './types.js';
import type { SignalledVersion } from './versions.js';

/** The `source` of every event the controller puts on the bus. */
export const EVENT_SOURCE = 'ecs-secret-reconciler';

export const DetailType = {
  refresh: 'Secret Refresh Requested',
  action: 'Secret Reconciler Action',
  finding: 'Secret Reconciler Finding',
} as const;

/** EventBridge rejects a PutEvents request whose entries total 256 KB or more. */
export const MAX_REQUEST_BYTES = 256 * 1024 - 1;
export const MAX_ENTRIES_PER_REQUEST = 10;

/** The size EventBridge counts for an entry (its user guide, "PutEvents entry size"). */
export function entrySize(entry: PutEventsRequestEntry): number {
  const bytes = (text: string | undefined) => Buffer.byteLength(text ?? '', 'utf8');
  return (
    (entry.Time === undefined ? 0 : 14) +
    bytes(entry.Source) +
    bytes(entry.DetailType) +
    bytes(entry.Detail) +
    (entry.Resources ?? []).reduce((sum, resource) => sum + bytes(resource), 0)
  );
}

function arns(values: readonly (string | null)[]): string[] {
  const unique = new Set(values.filter((value) => value?.startsWith('arn:')));
  return [...unique] as string[];
}

type EntryBase = { busName: string; time: Date };

function entry(
  base: EntryBase,
  detailType: string,
  detail: object,
  resources: string[],
): PutEventsRequestEntry {
  return {
    EventBusName: base.busName,
    Source: EVENT_SOURCE,
    DetailType: detailType,
    Time: base.time,
    Resources: resources,
    Detail: JSON.stringify({ schemaVersion: 1, ...detail }),
  };
}

/**
 * `Secret Refresh Requested`: asks a runtime consumer to re-read its secrets.
 * Detail: schemaVersion, reconcileId, serviceArn, clusterArn, secretArns,
 * secrets [{ secretArn, label, versionId }], reason. Never a secret value.
 */
export function refreshEntry(
  base: EntryBase & { reconcileId: string },
  action: Action,
  secrets: SignalledVersion[],
): PutEventsRequestEntry {
  const detail = {
    reconcileId: base.reconcileId,
    serviceArn: action.serviceArn,
    clusterArn: action.clusterArn,
    secretArns: [...new Set(secrets.map((secret) => secret.secretArn))],
    secrets,
    reason: action.reason,
  };
  return entry(base, DetailType.refresh, detail, arns([action.serviceArn]));
}

/** `Secret Reconciler Action`: one action of the plan with its outcome and message. */
export function actionEntry(
  base: EntryBase & { reconcileId: string },
  outcome: ActionOutcome,
  message: string,
): PutEventsRequestEntry {
  const detail = { reconcileId: base.reconcileId, ...outcome, message };
  return entry(base, DetailType.action, detail, arns([outcome.serviceArn]));
}

/**
 * `Secret Reconciler Finding`: one finding of the plan. Evidence that would
 * push the entry past the size limit is dropped and flagged.
 */
export function findingEntry(
  base: EntryBase & { reconcileId: string },
  finding: Finding,
): PutEventsRequestEntry {
  const resources = arns([finding.resourceArn, finding.secretArn]);
  const full = entry(
    base,
    DetailType.finding,
    { reconcileId: base.reconcileId, ...finding },
    resources,
  );
  if (entrySize(full) <= MAX_REQUEST_BYTES) return full;

  const { evidence: _evidence, ...rest } = finding;
  const detail = {
    reconcileId: base.reconcileId,
    ...rest,
    evidence: {},
    evidenceTruncated: true,
  };
  return entry(base, DetailType.finding, detail, resources);
}
