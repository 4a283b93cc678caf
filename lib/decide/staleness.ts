import type { Trigger } from '../events/types.js';
import type { LabelRecord, Secret, Snapshot } from '../snapshot/types.js';
import { compare } from './order.js';
import { triggerSecrets } from './scope.js';

/** The label a reference follows when it names none. */
export const DEFAULT_LABEL = 'AWSCURRENT';

/** A version under this label is not live yet: writing it moves nothing. */
const PENDING_LABEL = 'AWSPENDING';

/** When a label moved to the version it holds now, and how that is known. */
export type LabelMove = {
  secretArn: string;
  label: string;
  /** Null when the snapshot does not say which version holds the label. */
  versionId: string | null;
  movedAt: string;
  source: LabelRecord['source'];
  /** True when no stored record says this yet, so the controller should store it. */
  fresh: boolean;
};

/** How a label move is known, in the words plans and explanations use. */
export const MOVE_SOURCE_TEXT: Record<LabelRecord['source'], string> = {
  event: 'reported by an event',
  resync: 'noticed by a resync',
  creation: 'when its version was created',
};

/** What the staleness rule needs besides the secret: the trigger, records and time. */
export type MoveContext = {
  trigger: Trigger;
  /** The secrets the trigger names (secretChanged only). */
  triggerArns: ReadonlySet<string>;
  records: readonly LabelRecord[];
  /** The same records by secret ARN: a plan looks them up once per reference. */
  recordsBySecret: ReadonlyMap<string, readonly LabelRecord[]>;
  now: string;
};

type Holding =
  | { state: 'held'; versionId: string; createdDate: string | null }
  | { state: 'unheld' }
  | { state: 'unknown' };

/** Builds the context once per plan. */
export function moveContext(
  snapshot: Snapshot,
  trigger: Trigger,
  now: Date,
): MoveContext {
  const records = snapshot.records ?? [];
  const recordsBySecret = new Map<string, LabelRecord[]>();
  for (const record of records) {
    const list = recordsBySecret.get(record.secretArn) ?? [];
    list.push(record);
    recordsBySecret.set(record.secretArn, list);
  }
  return {
    trigger,
    triggerArns: new Set(triggerSecrets(snapshot, trigger).map((secret) => secret.ARN)),
    records,
    recordsBySecret,
    now: now.toISOString(),
  };
}

/** The label a reference follows, or null when it pins a version id. */
export function followedLabel(ref: {
  versionStage: string | null;
  versionId: string | null;
}): string | null {
  if (ref.versionId !== null) return null;
  return ref.versionStage ?? DEFAULT_LABEL;
}

/** Which version holds a label, from list-secret-version-ids or describe-secret. */
function holding(secret: Secret, label: string): Holding {
  if (secret.Versions === undefined && secret.VersionIdsToStages === undefined) {
    return { state: 'unknown' };
  }
  const fromList = secret.Versions?.find((version) =>
    version.VersionStages.includes(label),
  );
  const fromMap = Object.entries(secret.VersionIdsToStages ?? {}).find(([, stages]) =>
    stages.includes(label),
  );
  const versionId = fromList?.VersionId ?? fromMap?.[0];
  if (versionId === undefined) return { state: 'unheld' };

  const created = secret.Versions?.find((version) => version.VersionId === versionId);
  return { state: 'held', versionId, createdDate: created?.CreatedDate ?? null };
}

function iso(value: string, fallback: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? fallback : new Date(ms).toISOString();
}

/**
 * The earlier of a version's creation and the secret's last change. Creating
 * a version changes the secret, so in AWS the version can never be the later
 * of the two; taking the minimum keeps the lower bound a lower bound where a
 * source reports a version's CreatedDate as the time of the read (moto does).
 */
function creationBound(createdDate: string, lastChanged: string | undefined): string {
  if (lastChanged === undefined) return createdDate;
  return Date.parse(lastChanged) < Date.parse(createdDate) ? lastChanged : createdDate;
}

/** True when the trigger reports a move of this label on this secret. */
function triggerMovesSecret(context: MoveContext, secret: Secret): boolean {
  const { trigger } = context;
  return (
    trigger.kind === 'secretChanged' &&
    trigger.movesLabel &&
    context.triggerArns.has(secret.ARN)
  );
}

function eventTime(
  context: MoveContext,
  secret: Secret,
  label: string,
  versionId: string | null,
): string | null {
  const { trigger } = context;
  if (trigger.kind !== 'secretChanged' || !triggerMovesSecret(context, secret))
    return null;
  if ((trigger.label ?? DEFAULT_LABEL) !== label) return null;
  if (
    trigger.versionId !== null &&
    versionId !== null &&
    trigger.versionId !== versionId
  ) {
    return null;
  }
  return iso(trigger.at, context.now);
}

/**
 * When the label moved to its present version (DESIGN "When a consumer is
 * stale"), or null when no version holds the label (nothing to follow).
 */
export function labelMovedAt(
  context: MoveContext,
  secret: Secret,
  label: string,
): LabelMove | null {
  const held = holding(secret, label);
  if (held.state === 'unheld') return null;
  const versionId = held.state === 'held' ? held.versionId : null;
  const base = { secretArn: secret.ARN, label, versionId };
  const stored = context.recordsBySecret.get(secret.ARN) ?? [];

  const at = eventTime(context, secret, label, versionId);
  if (at !== null) {
    const known = stored.some(
      (r) => r.label === label && r.versionId === versionId && r.movedAt === at,
    );
    return { ...base, movedAt: at, source: 'event', fresh: versionId !== null && !known };
  }

  // Without version data nothing can be matched or stored. The last change
  // of the secret is an upper bound that stays put between runs.
  if (versionId === null) {
    return {
      ...base,
      movedAt: secret.LastChangedDate ?? context.now,
      source: 'resync',
      fresh: false,
    };
  }

  const same = stored
    .filter((record) => record.label === label && record.versionId === versionId)
    .sort((a, b) => Date.parse(a.movedAt) - Date.parse(b.movedAt))[0];
  if (same !== undefined) {
    return { ...base, movedAt: same.movedAt, source: same.source, fresh: false };
  }

  // The controller knows this secret (a record, or an event about another of
  // its labels) but not this version under this label: a resync noticed it.
  if (stored.length > 0 || triggerMovesSecret(context, secret)) {
    return { ...base, movedAt: context.now, source: 'resync', fresh: true };
  }

  // First sight of the secret: the version's creation date is a lower bound,
  // so installing the controller does not redeploy the fleet. Without it,
  // fall back to an upper bound (the secret's last change, else now): an
  // extra redeploy is acceptable, a missed one is not.
  if (held.state === 'held' && held.createdDate !== null) {
    return {
      ...base,
      movedAt: creationBound(held.createdDate, secret.LastChangedDate),
      source: 'creation',
      fresh: true,
    };
  }
  return {
    ...base,
    movedAt: secret.LastChangedDate ?? context.now,
    source: 'resync',
    fresh: true,
  };
}

function heldLabels(secret: Secret): string[] {
  const labels = new Set<string>();
  for (const version of secret.Versions ?? []) {
    for (const stage of version.VersionStages) labels.add(stage);
  }
  for (const stages of Object.values(secret.VersionIdsToStages ?? {})) {
    for (const stage of stages) labels.add(stage);
  }
  labels.delete(PENDING_LABEL);
  return [...labels].sort();
}

/** The label records the controller should store after this run, in a stable order. */
export function labelMoves(
  snapshot: Snapshot,
  trigger: Trigger,
  now: Date,
): LabelRecord[] {
  const context = moveContext(snapshot, trigger, now);
  const secrets = [...snapshot.secrets].sort((a, b) => compare(a.ARN, b.ARN));
  const records: LabelRecord[] = [];

  for (const secret of secrets) {
    for (const label of heldLabels(secret)) {
      const move = labelMovedAt(context, secret, label);
      if (move === null || !move.fresh || move.versionId === null) continue;
      records.push({
        secretArn: move.secretArn,
        label: move.label,
        versionId: move.versionId,
        movedAt: move.movedAt,
        source: move.source,
      });
    }
  }
  return records;
}
