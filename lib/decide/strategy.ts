import type { Finding, ReferenceKind } from '../plan/types.js';
import { FINDINGS } from '../plan/vocabulary.js';
import type { Service } from '../snapshot/types.js';

/** The service tag that selects how a service follows its secrets. */
export const STRATEGY_TAG = 'secret-reconciler/strategy';

/** What the controller does for a service whose secrets moved. */
export const Strategy = {
  redeploy: 'redeploy',
  signal: 'signal',
  ignore: 'ignore',
} as const;
export type Strategy = (typeof Strategy)[keyof typeof Strategy];

/** The strategy a service's tags ask for, or null when they ask for none. */
export type TaggedStrategy = { strategy: Strategy | null; findings: Finding[] };

const STRATEGIES = Object.values(Strategy) as readonly string[];

function isStrategy(value: string): value is Strategy {
  return STRATEGIES.includes(value);
}

/** Reads the strategy tag (case-insensitive value); an unknown value is a finding. */
export function taggedStrategy(service: Service): TaggedStrategy {
  const tag = service.tags.find((entry) => entry.key === STRATEGY_TAG);
  if (tag === undefined) return { strategy: null, findings: [] };

  const value = (tag.value ?? '').trim().toLowerCase();
  if (isStrategy(value)) return { strategy: value, findings: [] };

  const finding: Finding = {
    code: 'InvalidStrategyTag',
    severity: FINDINGS.InvalidStrategyTag.severity,
    resourceArn: service.serviceArn,
    secretArn: null,
    message:
      `${service.serviceName} has ${STRATEGY_TAG}=${JSON.stringify(tag.value ?? '')}; ` +
      'expected redeploy, signal or ignore, so the default applies.',
    evidence: { tag: STRATEGY_TAG, value: tag.value ?? null },
  };
  return { strategy: null, findings: [finding] };
}

/**
 * The default for a set of moved references: a new task is the only way to
 * refresh an injected secret, and a new task also reads runtime secrets
 * afresh, so any injected reference makes it a redeploy.
 */
export function defaultStrategy(kinds: Iterable<ReferenceKind>): 'redeploy' | 'signal' {
  for (const kind of kinds) {
    if (kind !== 'runtime') return Strategy.redeploy;
  }
  return Strategy.signal;
}
