import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../lib/drift/iam/evaluate.js';
import type { PolicyCase } from '../../../support/policy-corpus.js';
import { generatePolicyCorpus } from '../../../support/policy-corpus.js';

const CASES = Number(process.env.IAM_ORACLE_CASES ?? 600);

function toSimulation(c: PolicyCase): Simulation {
  const context = Object.fromEntries(
    Object.entries(c.request.context).map(([key, value]) => [
      key,
      typeof value === 'boolean' ? String(value) : value,
    ]),
  );
  const named = (p: { name: string; document: unknown }) => ({
    name: p.name,
    policy: p.document,
  });
  return {
    request: {
      principal: c.request.principalArn,
      action: c.request.action,
      resource: { resource: c.request.resource, accountId: c.policies.resourceAccount },
      contextVariables: context,
    },
    identityPolicies: c.policies.identity.map(named),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: c.policies.resource?.document,
    permissionBoundaryPolicies: c.policies.boundary
      ? [named(c.policies.boundary)]
      : undefined,
    vpcEndpointPolicies: c.policies.endpoint ? [named(c.policies.endpoint)] : undefined,
  };
}

type Outcome = { id: number; ours: string; oracle: string };

/** True when a policy tests a context key the oracle drops for this action. */
function oracleIsBlind(c: PolicyCase, ignoredKeys: string[]): boolean {
  const text = JSON.stringify(c.policies).toLowerCase();
  return ignoredKeys.some((key) => text.includes(key.toLowerCase()));
}

async function compare(cases: PolicyCase[]) {
  const compared: Outcome[] = [];
  const mismatches: Outcome[] = [];
  let unverifiable = 0;
  let rejected = 0;
  let blind = 0;
  for (const c of cases) {
    const ours = evaluate(c.request, c.policies);
    if (ours.result === 'unverifiable') {
      unverifiable += 1;
      continue;
    }
    const simulated = await runSimulation(toSimulation(c), { simulationMode: 'Strict' });
    if (simulated.resultType === 'error') {
      rejected += 1;
      continue;
    }
    const ignored =
      simulated.resultType === 'single'
        ? (simulated.result.ignoredContextKeys ?? [])
        : simulated.results.flatMap((r) => r.ignoredContextKeys ?? []);
    if (oracleIsBlind(c, ignored)) {
      blind += 1;
      continue;
    }
    const outcome = { id: c.id, ours: ours.result, oracle: simulated.overallResult };
    compared.push(outcome);
    if ((ours.result === 'allowed') !== (simulated.overallResult === 'Allowed')) {
      mismatches.push(outcome);
    }
  }
  return { compared, mismatches, unverifiable, rejected, blind };
}

describe('oracle', () => {
  it('agrees with iam-simulate on allowed versus denied when it claims an answer', async () => {
    const { compared, mismatches, unverifiable, rejected, blind } = await compare(
      generatePolicyCorpus(CASES, Number(process.env.IAM_ORACLE_SEED ?? 20261201)),
    );

    expect(mismatches).toEqual([]);
    expect(compared.length).toBeGreaterThanOrEqual(300);
    expect(compared.filter((o) => o.ours === 'allowed').length).toBeGreaterThanOrEqual(
      50,
    );
    expect(unverifiable + rejected + blind).toBeLessThan(CASES / 2);
  }, 120_000);

  it('generates the same corpus for the same seed', () => {
    expect(generatePolicyCorpus(5, 7)).toEqual(generatePolicyCorpus(5, 7));
  });
});
