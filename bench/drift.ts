import type { ConsumerCheck } from '../lib/decide/index.js';
import { driftChecks } from '../lib/drift/index.js';
import type { ResolvedReference } from '../lib/refs/types.js';

/** The combined drift check `plan` runs, and where it came from. */
export type DriftSource = { checks: ConsumerCheck[]; origin: 'lib/drift' };

/** Which services ECS calls for these references. */
export function storesOf(refs: readonly ResolvedReference[]) {
  return {
    secretsmanager: refs.some((ref) => ref.store === 'secretsmanager'),
    ssm: refs.some((ref) => ref.store === 'ssm'),
  };
}

/** The drift checks every plan runs (network, roles through the path's endpoints, hygiene). */
export async function driftSource(now: Date): Promise<DriftSource> {
  return { checks: [...driftChecks({ now })], origin: 'lib/drift' };
}
