import type { ConsumerCheck } from '../lib/decide/index.js';
import { checkHygiene } from '../lib/drift/hygiene/index.js';
import { checkRoles } from '../lib/drift/iam/index.js';
import { checkNetwork, endpointsOnPath } from '../lib/drift/network/index.js';
import type { ResolvedReference } from '../lib/refs/types.js';

/** The combined drift check `plan` runs, and where it came from. */
export type DriftSource = { checks: ConsumerCheck[]; origin: 'lib/drift' | 'bench' };

type DriftModule = { driftChecks?: (options: { now: Date }) => ConsumerCheck[] };

/** Which services ECS calls for these references. */
export function storesOf(refs: readonly ResolvedReference[]) {
  return {
    secretsmanager: refs.some((ref) => ref.store === 'secretsmanager'),
    ssm: refs.some((ref) => ref.store === 'ssm'),
  };
}

/**
 * The project's own `driftChecks` when lib/drift exports it; otherwise the
 * same three checks composed here (network, roles through the endpoint on
 * the path, hygiene), so the cost of planning with drift is measured either way.
 */
export async function driftSource(now: Date): Promise<DriftSource> {
  const specifier = '../lib/drift/index.js';
  try {
    const module = (await import(specifier)) as DriftModule;
    if (typeof module.driftChecks === 'function') {
      return { checks: module.driftChecks({ now }), origin: 'lib/drift' };
    }
  } catch {
    // Not in this tree yet: fall through to the composition below.
  }

  const check: ConsumerCheck = (snapshot, consumer, refs, policy) => {
    const network = checkNetwork(snapshot, consumer, storesOf(refs), policy);
    const [endpoint] = endpointsOnPath(network.paths);
    return [
      ...network.findings,
      ...checkRoles(snapshot, consumer, refs, { endpoint: endpoint ?? null }),
      ...checkHygiene(snapshot, consumer, refs, { now }),
    ];
  };
  return { checks: [check], origin: 'bench' };
}
