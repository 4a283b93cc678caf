import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../lib/decide/policy.js';
import { planWithDrift } from '../../../lib/drift/index.js';
import type { Trigger } from '../../../lib/events/types.js';
import type { Snapshot } from '../../../lib/snapshot/types.js';
import { fleet, fleetNow, fleetSecret, fleetService, resyncAt } from './fleet.js';

type Mutation = (snapshot: Snapshot) => Snapshot;

const LEDGER = fleetService('payments-prod', 'payments-ledger');
const API = fleetService('payments-prod', 'payments-api');
const REPORTING = fleetService('payments-prod', 'payments-reporting');
const DB = fleetSecret('prod/payments/db-Tq3Zp8');

const unchanged: Mutation = (snapshot) => snapshot;
const withoutIam: Mutation = ({ iam: _iam, ...rest }) => rest;
const withoutEc2: Mutation = ({ ec2: _ec2, ...rest }) => rest;
const withoutKms: Mutation = ({ kms: _kms, ...rest }) => rest;

/** Points every payments task definition at an execution role that does not exist. */
const roleGone: Mutation = (snapshot) => ({
  ...snapshot,
  taskDefinitions: snapshot.taskDefinitions.map((td) =>
    td.family.startsWith('payments-')
      ? { ...td, executionRoleArn: 'arn:aws:iam::111122223333:role/deleted' }
      : td,
  ),
});

const UNUSED = fleetSecret('prod/unused/token-Zz9Yy8');

/** Adds a secret no task definition or tag references. */
const withUnusedSecret: Mutation = (snapshot) => ({
  ...snapshot,
  secrets: [...snapshot.secrets, { ARN: UNUSED, Name: 'prod/unused/token' }],
});

function planOf(mutate: Mutation, trigger?: Trigger) {
  const snapshot = mutate(fleet());
  const now = fleetNow(snapshot);
  return planWithDrift(snapshot, trigger ?? resyncAt(now), DEFAULT_POLICY, now);
}

function actionOf(plan: ReturnType<typeof planOf>, serviceArn: string) {
  return plan.actions.find((action) => action.serviceArn === serviceArn);
}

function codesOf(plan: ReturnType<typeof planOf>, resourceArn: string) {
  return plan.findings.filter((f) => f.resourceArn === resourceArn).map((f) => f.code);
}

describe('plan', () => {
  it.each([
    {
      when: 'the ledger role cannot read its secret',
      mutate: unchanged,
      service: LEDGER,
      type: 'block',
      reason: 'PreflightFailed',
      codes: ['ExecutionRoleCannotReadSecret'],
    },
    {
      when: 'the api role and network are fine',
      mutate: unchanged,
      service: API,
      type: 'redeploy',
      reason: 'SecretVersionChanged',
      codes: [],
    },
    {
      when: 'the snapshot has no iam section',
      mutate: withoutIam,
      service: LEDGER,
      type: 'redeploy',
      reason: 'SecretVersionChanged',
      codes: [],
    },
    {
      when: 'the snapshot has no ec2 section',
      mutate: withoutEc2,
      service: API,
      type: 'redeploy',
      reason: 'SecretVersionChanged',
      codes: [],
    },
    {
      when: 'the execution role no longer exists',
      mutate: roleGone,
      service: API,
      type: 'block',
      reason: 'PreflightFailed',
      codes: ['ExecutionRoleMissing'],
    },
    {
      when: 'an opted-out service has a critical finding',
      mutate: roleGone,
      service: REPORTING,
      type: 'skip',
      reason: 'OptedOut',
      codes: [],
    },
  ])(
    'gates to $type ($reason) when $when',
    ({ mutate, service, type, reason, codes }) => {
      const plan = planOf(mutate);

      const action = actionOf(plan, service);
      expect(action).toMatchObject({ type, reason });
      for (const code of codes) expect(action?.message).toContain(code);
    },
  );

  it('redeploys nothing whose consumer has a critical finding', () => {
    const plan = planOf(unchanged);

    const critical = new Set(
      plan.findings.filter((f) => f.severity === 'critical').map((f) => f.resourceArn),
    );
    const deployed = plan.actions.filter(
      (a) => a.type === 'redeploy' || a.type === 'signal',
    );
    expect(deployed.filter((a) => critical.has(a.serviceArn))).toEqual([]);
  });

  it.each([
    { when: 'iam is missing', mutate: withoutIam },
    { when: 'ec2 is missing', mutate: withoutEc2 },
    { when: 'kms is missing', mutate: withoutKms },
  ])('reports Unverifiable, never fine, when $when', ({ mutate }) => {
    const plan = planOf(mutate);

    expect(codesOf(plan, API)).toContain('Unverifiable');
    const unverifiable = plan.findings.filter(
      (f) => f.resourceArn === API && f.code === 'Unverifiable',
    );
    expect(unverifiable.every((f) => f.severity === 'info')).toBe(true);
  });

  it('carries the deciding statement as evidence of a role finding', () => {
    const plan = planOf(unchanged);

    const finding = plan.findings.find(
      (f) => f.resourceArn === LEDGER && f.code === 'ExecutionRoleCannotReadSecret',
    );
    expect(finding).toMatchObject({
      secretArn: DB,
      evidence: { action: 'secretsmanager:GetSecretValue', resource: DB },
    });
    expect(finding?.evidence).toHaveProperty('deciding');
  });

  it('reports each finding once per resource, secret and evidence', () => {
    const plan = planOf(unchanged);

    const keys = plan.findings.map((f) =>
      JSON.stringify([f.code, f.resourceArn, f.secretArn, f.message, f.evidence]),
    );
    expect(new Set(keys).size).toBe(keys.length);
    const arnInEnv = plan.findings.filter((f) => f.code === 'SecretArnInEnvironment');
    expect(arnInEnv).toHaveLength(1);
  });

  it('is the same plan when made twice', () => {
    expect(planOf(unchanged)).toEqual(planOf(unchanged));
  });

  it.each([
    {
      when: 'a referenced secret rotation failed',
      secretId: 'prod/payments/db',
      resources: [
        fleetService('payments-prod', 'payments-api'),
        LEDGER,
        REPORTING,
        fleetService('payments-prod', 'payments-worker'),
      ],
    },
    {
      when: 'no service references the secret',
      secretId: 'prod/unused/token',
      resources: [UNUSED],
    },
  ])('reports RotationFailed on each consumer when $when', ({ secretId, resources }) => {
    const snapshot = withUnusedSecret(fleet());
    const now = fleetNow(snapshot);
    const trigger: Trigger = {
      kind: 'secretChanged',
      change: 'rotationFailed',
      secretId,
      label: null,
      versionId: null,
      movesLabel: false,
      at: now.toISOString(),
      eventId: null,
      account: snapshot.account,
      region: snapshot.region,
    };

    const plan = planWithDrift(snapshot, trigger, DEFAULT_POLICY, now);

    const failed = plan.findings.filter((f) => f.code === 'RotationFailed');
    expect(failed.map((f) => f.resourceArn).sort()).toEqual([...resources].sort());
    expect(failed.every((f) => f.severity === 'high')).toBe(true);
  });
});
