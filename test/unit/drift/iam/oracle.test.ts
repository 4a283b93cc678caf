import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../lib/drift/iam/evaluate.js';
import type { EvalRequest, NamedPolicy } from '../../../../lib/drift/iam/types.js';
import type { PolicyCase } from '../../../support/policy-corpus.js';
import { generatePolicyCorpus } from '../../../support/policy-corpus.js';

const CASES = Number(process.env.IAM_ORACLE_CASES ?? 800);
const SEED = Number(process.env.IAM_ORACLE_SEED ?? 20261201);

type Statement = Record<string, unknown>;
type Conditions = Record<string, Record<string, unknown>>;

/**
 * Operators that test a single-valued key for equality with one value. A
 * principal ARN or account id holds no wildcard, so each is exact for it;
 * several let a statement that already tests the key keep its own test.
 */
const EQUALITY: Record<string, string[]> = {
  'aws:PrincipalArn': ['ArnEquals', 'StringEquals', 'StringLike'],
  'aws:PrincipalAccount': ['StringEquals', 'StringLike', 'StringEqualsIgnoreCase'],
};

function principalKey(type: string, entry: string): [string, string] {
  if (type === 'AWS' && /^\d{12}$/.test(entry)) return ['aws:PrincipalAccount', entry];
  const root = /^arn:aws:iam::(\d{12}):root$/.exec(entry);
  if (type === 'AWS' && root) return ['aws:PrincipalAccount', root[1]!];
  // A role's request never comes from a service principal, nor matches its name.
  return ['aws:PrincipalArn', entry];
}

function withEquality(statement: Statement, key: string, value: string): Statement {
  const condition = { ...((statement.Condition as Conditions | undefined) ?? {}) };
  const operator = EQUALITY[key]!.find((op) => condition[op]?.[key] === undefined);
  if (!operator)
    throw new Error(`no free operator for ${key} in ${JSON.stringify(statement)}`);
  condition[operator] = { ...condition[operator], [key]: value };
  return { ...statement, Principal: '*', Condition: condition };
}

/**
 * The oracle reads endpoint policies whose Principal is "*" only. A statement
 * naming principals becomes one statement per principal, each with Principal
 * "*" and a condition on the caller's ARN or account: statements of one effect
 * combine by "any", so the policy means the same.
 */
function endpointForOracle(policy: NamedPolicy): NamedPolicy {
  const document = policy.document as { Statement: Statement[] };
  const statements = document.Statement.flatMap((statement): Statement[] => {
    const principal = statement.Principal;
    if (principal === '*') return [statement];
    return Object.entries(principal as Record<string, unknown>).flatMap(([type, value]) =>
      [value].flat().map((entry) => {
        if (type === 'AWS' && entry === '*') return { ...statement, Principal: '*' };
        const [key, match] = principalKey(type, String(entry));
        return withEquality(statement, key, match);
      }),
    );
  });
  return { name: policy.name, document: { ...document, Statement: statements } };
}

function toSimulation(c: PolicyCase, request: EvalRequest): Simulation {
  const context = Object.fromEntries(
    Object.entries(request.context).map(([key, value]) => [
      key,
      typeof value === 'boolean' ? String(value) : value,
    ]),
  );
  const named = (p: NamedPolicy) => ({ name: p.name, policy: p.document });
  const endpoint = c.policies.endpoint ? endpointForOracle(c.policies.endpoint) : null;
  return {
    request: {
      principal: request.principalArn,
      action: request.action,
      resource: { resource: request.resource, accountId: c.policies.resourceAccount },
      contextVariables: context,
    },
    identityPolicies: c.policies.identity.map(named),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: c.policies.resource?.document,
    permissionBoundaryPolicies: c.policies.boundary
      ? [named(c.policies.boundary)]
      : undefined,
    vpcEndpointPolicies: endpoint ? [named(endpoint)] : undefined,
  };
}

/** The request without the given context keys. */
function without(request: EvalRequest, keys: string[]): EvalRequest {
  const drop = new Set(keys.map((key) => key.toLowerCase()));
  const context = Object.fromEntries(
    Object.entries(request.context).filter(([key]) => !drop.has(key.toLowerCase())),
  );
  return { ...request, context };
}

type Outcome = {
  id: number;
  ours: string;
  oracle: string;
  keysDropped: string[];
  endpointRewritten: boolean;
};

async function compare(cases: PolicyCase[]) {
  const compared: Outcome[] = [];
  const mismatches: Outcome[] = [];
  const rejected: { id: number; errors: unknown }[] = [];
  const blind: { id: number; keys: string[] }[] = [];
  const byAction: Record<string, number> = {};
  let unverifiable = 0;
  for (const c of cases) {
    const ours = evaluate(c.request, c.policies);
    if (ours.result === 'unverifiable') {
      unverifiable += 1;
      continue;
    }
    const simulated = await runSimulation(toSimulation(c, c.request), {
      simulationMode: 'Strict',
    });
    if (simulated.resultType === 'error') {
      rejected.push({ id: c.id, errors: simulated.errors });
      continue;
    }

    // The oracle drops context keys it does not know for the action (it reads
    // kms:EncryptionContext:<key> for none), so it decides the request without
    // them. Compare with our answer for that request; the case stays
    // uncompared only when the dropped keys sway our answer.
    const ignored =
      simulated.resultType === 'single'
        ? (simulated.result.ignoredContextKeys ?? [])
        : simulated.results.flatMap((r) => r.ignoredContextKeys ?? []);
    const text = JSON.stringify(c.policies).toLowerCase();
    const keysDropped = [...new Set(ignored)].filter((key) =>
      text.includes(key.toLowerCase()),
    );
    const seen = keysDropped.length
      ? evaluate(without(c.request, keysDropped), c.policies)
      : ours;
    const endpointRewritten =
      c.policies.endpoint?.document !== undefined &&
      (c.policies.endpoint.document as { Statement: Statement[] }).Statement.some(
        (statement) => statement.Principal !== '*',
      );
    const outcome = {
      id: c.id,
      ours: seen.result,
      oracle: simulated.overallResult,
      keysDropped,
      endpointRewritten,
    };
    const disagree =
      seen.result !== 'unverifiable' &&
      (seen.result === 'allowed') !== (simulated.overallResult === 'Allowed');
    if (disagree) {
      mismatches.push(outcome);
    }
    if (seen.result !== ours.result) {
      blind.push({ id: c.id, keys: keysDropped });
      continue;
    }
    compared.push(outcome);
    byAction[c.request.action] = (byAction[c.request.action] ?? 0) + 1;
  }
  return { compared, mismatches, unverifiable, rejected, blind, byAction };
}

describe('oracle', () => {
  it('agrees with iam-simulate on allowed versus denied when it claims an answer', async () => {
    const { compared, mismatches, unverifiable, rejected, blind, byAction } =
      await compare(generatePolicyCorpus(CASES, SEED));

    const share = (fraction: number) => Math.floor(CASES * fraction);
    expect(mismatches).toEqual([]);

    // Skips, each bounded: every endpoint policy reaches the oracle in a form
    // it reads, and only answers that hang on the encryption context, which
    // the oracle drops, stay uncompared.
    expect(rejected).toEqual([]);
    expect(blind.length).toBeLessThanOrEqual(Math.ceil(CASES * 0.01));
    const dropped = [...compared, ...blind].flatMap((o) =>
      'keys' in o ? o.keys : o.keysDropped,
    );
    expect(dropped.filter((key) => !key.startsWith('kms:EncryptionContext:'))).toEqual(
      [],
    );
    expect(unverifiable).toBeLessThan(share(0.12));

    // What is compared: enough of each request, of allows, and of the cases
    // the oracle sees through a rewritten endpoint policy or without keys.
    expect(compared.length).toBeGreaterThanOrEqual(share(0.85));
    expect(compared.filter((o) => o.ours === 'allowed').length).toBeGreaterThanOrEqual(
      share(0.1),
    );
    expect(byAction['secretsmanager:GetSecretValue']).toBeGreaterThanOrEqual(share(0.35));
    expect(byAction['kms:Decrypt']).toBeGreaterThanOrEqual(share(0.2));
    expect(byAction['ssm:GetParameters']).toBeGreaterThanOrEqual(share(0.12));
    expect(compared.filter((o) => o.endpointRewritten).length).toBeGreaterThanOrEqual(
      share(0.03),
    );
    expect(
      compared.filter((o) => o.keysDropped.length > 0).length,
    ).toBeGreaterThanOrEqual(share(0.05));

    // The default corpus pins the counts, so a change to the corpus, the
    // evaluator or the oracle that narrows the comparison shows here.
    if (
      process.env.IAM_ORACLE_CASES === undefined &&
      process.env.IAM_ORACLE_SEED === undefined
    ) {
      expect({
        compared: compared.length,
        blind: blind.length,
        rejected: rejected.length,
        unverifiable,
      }).toEqual({ compared: 738, blind: 2, rejected: 0, unverifiable: 60 });
    }
  }, 120_000);

  it('generates the same corpus for the same seed', () => {
    expect(generatePolicyCorpus(5, 7)).toEqual(generatePolicyCorpus(5, 7));
  });
});
