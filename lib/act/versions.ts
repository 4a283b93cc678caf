import { followedLabel } from '../decide/index.js';
import type { Action, Plan } from '../plan/types.js';
import type { Secret, Snapshot } from '../snapshot/types.js';

/** A secret version a signal announces; label or version null when unknown. */
export type SignalledVersion = {
  secretArn: string;
  label: string | null;
  versionId: string | null;
};

function versionHolding(secret: Secret | undefined, label: string): string | null {
  if (secret === undefined) return null;
  const listed = secret.Versions?.find((version) =>
    version.VersionStages.includes(label),
  );
  if (listed !== undefined) return listed.VersionId;
  const mapped = Object.entries(secret.VersionIdsToStages ?? {}).find(([, stages]) =>
    stages.includes(label),
  );
  return mapped?.[0] ?? null;
}

/**
 * The versions an action's secrets moved to, as far as the plan's references
 * and the snapshot say: one entry per (secret, followed label).
 */
export function signalledVersions(
  plan: Plan,
  action: Action,
  snapshot: Snapshot | undefined,
): SignalledVersion[] {
  const versions: SignalledVersion[] = [];
  for (const secretArn of action.secretArns) {
    const secret = snapshot?.secrets.find((candidate) => candidate.ARN === secretArn);
    const labels = new Set<string>();
    for (const ref of plan.references) {
      if (ref.serviceArn !== action.serviceArn || ref.secretArn !== secretArn) continue;
      const label = followedLabel(ref);
      if (label !== null) labels.add(label);
    }

    if (labels.size === 0) versions.push({ secretArn, label: null, versionId: null });
    for (const label of [...labels].sort()) {
      versions.push({ secretArn, label, versionId: versionHolding(secret, label) });
    }
  }
  return versions;
}
