import { describe, expect, it } from 'vitest';
import type { ConsumerCheck } from '../../../lib/decide/checks.js';
import { plan } from '../../../lib/decide/plan.js';
import { DEFAULT_POLICY } from '../../../lib/decide/policy.js';
import type { Trigger } from '../../../lib/events/types.js';
import { PlanSchema } from '../../../lib/plan/schema.js';
import type { Plan } from '../../../lib/plan/types.js';
import {
  ACCOUNT,
  CLUSTER,
  NOW,
  REGION,
  resync,
  secretChanged,
  serviceArn,
  snapshotOf,
} from './build.js';
import {
  AFTER,
  API,
  API_K1,
  BEFORE,
  DB,
  DB_V1,
  DB_V2,
  MOVED,
  type ServiceSpec,
  TOKEN,
  worldOf,
} from './world.js';

const STAGED = (arn: string, stage: string) => `${arn}::${stage}:`;
const PINNED = (arn: string, id: string) => `${arn}:::${id}`;

function planFor(
  specs: ServiceSpec[],
  trigger: Trigger = resync(),
  checks: ConsumerCheck[] = [],
) {
  return plan(snapshotOf(worldOf(specs)), trigger, DEFAULT_POLICY, NOW, checks);
}

function summary(result: Plan) {
  return result.actions.map((action) => ({
    service: action.serviceArn.split('/').at(-1),
    type: action.type,
    reason: action.reason,
    secretArns: action.secretArns,
  }));
}

function runningTask(id: string, createdAt: string, lastStatus = 'RUNNING') {
  return {
    taskArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task/payments-prod/${id}`,
    clusterArn: CLUSTER,
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:111122223333:task-definition/svc:1',
    group: 'service:svc',
    lastStatus,
    createdAt,
  };
}

describe('plan', () => {
  it.each([
    {
      when: 'the followed label moved after the deployment started',
      spec: { name: 'svc', valueFroms: [DB] },
      type: 'redeploy',
      reason: 'SecretVersionChanged',
      secretArns: [DB],
    },
    {
      when: 'the deployment started after the label moved',
      spec: { name: 'svc', valueFroms: [DB], deployedAt: AFTER },
      type: 'skip',
      reason: 'AlreadyCurrent',
      secretArns: [DB],
    },
    {
      when: 'every reference pins a version id',
      spec: { name: 'svc', valueFroms: [PINNED(DB, DB_V1), PINNED(API, API_K1)] },
      type: 'skip',
      reason: 'VersionPinned',
      secretArns: [API, DB],
    },
    {
      when: 'a custom stage moved before the deployment',
      spec: { name: 'svc', valueFroms: [STAGED(DB, 'blue')] },
      type: 'skip',
      reason: 'AlreadyCurrent',
      secretArns: [DB],
    },
    {
      when: 'a custom stage moved after the deployment',
      spec: {
        name: 'svc',
        valueFroms: [STAGED(DB, 'blue')],
        deployedAt: '2024-01-15T00:00:00Z',
      },
      type: 'redeploy',
      reason: 'SecretVersionChanged',
      secretArns: [DB],
    },
    {
      when: 'only an AWSPENDING version was written after the deployment',
      spec: { name: 'svc', valueFroms: [API] },
      type: 'skip',
      reason: 'AlreadyCurrent',
      secretArns: [API],
    },
    {
      when: 'several followed secrets moved (one action)',
      spec: { name: 'svc', valueFroms: [TOKEN, DB, `${DB}:password::`] },
      type: 'redeploy',
      reason: 'SecretVersionChanged',
      secretArns: [DB, TOKEN].sort(),
    },
    {
      when: 'one followed secret moved and another did not',
      spec: { name: 'svc', valueFroms: [API, DB] },
      type: 'redeploy',
      reason: 'SecretVersionChanged',
      secretArns: [DB],
    },
    {
      when: 'a pinned and a moved reference are mixed',
      spec: { name: 'svc', valueFroms: [PINNED(API, API_K1), DB] },
      type: 'redeploy',
      reason: 'SecretVersionChanged',
      secretArns: [DB],
    },
    {
      when: 'the only secret it names does not exist',
      spec: {
        name: 'svc',
        valueFroms: [`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:gone`],
      },
      type: 'skip',
      reason: 'SecretUnresolved',
      secretArns: [],
    },
  ])('decides $type/$reason when $when', ({ spec, type, reason, secretArns }) => {
    expect(summary(planFor([spec]))).toEqual([
      { service: 'svc', type, reason, secretArns },
    ]);
  });

  it.each([
    {
      when: 'the event moved the label after the deployment',
      deployedAt: AFTER,
      trigger: secretChanged('db-password', '2024-05-31T00:00:00Z'),
      expected: 'redeploy',
    },
    {
      when: 'the event names a version the label has since left',
      deployedAt: AFTER,
      trigger: secretChanged('db-password', '2024-05-31T00:00:00Z', { versionId: DB_V1 }),
      expected: 'skip',
    },
    {
      when: 'the event only reports a failed rotation',
      deployedAt: AFTER,
      trigger: secretChanged('db-password', '2024-05-31T00:00:00Z', {
        movesLabel: false,
      }),
      expected: 'skip',
    },
  ])('uses the event time when $when', ({ deployedAt, trigger, expected }) => {
    const result = planFor([{ name: 'svc', valueFroms: [DB], deployedAt }], trigger);

    expect(result.actions.map((action) => action.type)).toEqual([expected]);
  });

  const tag = (key: string, value: string) => ({ tags: [{ key, value }] });
  const strategyTag = (value: string) => tag('secret-reconciler/strategy', value);
  const runtimeTag = tag('secret-reconciler/secrets', 'db-password');

  it.each([
    {
      when: 'untagged with an injected secret',
      extra: {},
      type: 'redeploy',
      reason: 'SecretVersionChanged',
    },
    {
      when: 'tagged signal',
      extra: strategyTag('signal'),
      type: 'signal',
      reason: 'SecretVersionChanged',
    },
    {
      when: 'tagged Ignore',
      extra: strategyTag('Ignore'),
      type: 'skip',
      reason: 'OptedOut',
    },
    {
      when: 'tagged with an unknown value',
      extra: strategyTag('bounce'),
      type: 'redeploy',
      reason: 'SecretVersionChanged',
    },
    {
      when: 'DRAINING',
      extra: { status: 'DRAINING' },
      type: 'skip',
      reason: 'ServiceInactive',
    },
    {
      when: 'INACTIVE and tagged ignore',
      extra: { status: 'INACTIVE', ...strategyTag('ignore') },
      type: 'skip',
      reason: 'ServiceInactive',
    },
    {
      when: 'without deployments',
      extra: { deployments: [] },
      type: 'skip',
      reason: 'NoDeployment',
    },
    {
      when: 'without a PRIMARY deployment',
      extra: { deployments: [{ id: 'ecs-svc/1', status: 'ACTIVE', createdAt: BEFORE }] },
      type: 'skip',
      reason: 'NoDeployment',
    },
  ])('picks $type/$reason for an injected consumer $when', ({ extra, type, reason }) => {
    const result = planFor([{ name: 'svc', valueFroms: [DB], extra }]);

    expect(summary(result)).toMatchObject([{ type, reason }]);
  });

  it.each([
    {
      when: 'only a runtime reference moved',
      valueFroms: [],
      extra: runtimeTag,
      type: 'signal',
    },
    {
      when: 'runtime and injected references moved',
      valueFroms: [DB],
      extra: runtimeTag,
      type: 'redeploy',
    },
    {
      when: 'a runtime consumer is tagged redeploy',
      valueFroms: [],
      extra: { tags: [...runtimeTag.tags, ...strategyTag('redeploy').tags] },
      type: 'redeploy',
    },
  ])('picks $type when $when', ({ valueFroms, extra, type }) => {
    const result = planFor([{ name: 'svc', valueFroms, extra }]);

    expect(summary(result)).toEqual([
      { service: 'svc', type, reason: 'SecretVersionChanged', secretArns: [DB] },
    ]);
  });

  it('reports an unknown strategy tag as a finding and keeps the default', () => {
    const result = planFor([
      { name: 'svc', valueFroms: [DB], extra: strategyTag('bounce') },
    ]);

    expect(result.findings.map((finding) => finding.code)).toContain(
      'InvalidStrategyTag',
    );
  });

  it('says which label moved when and when the deployment started', () => {
    const [action] = planFor([{ name: 'payments-api', valueFroms: [DB] }]).actions;

    expect(action?.message).toBe(
      `payments-api follows AWSCURRENT of db-password, which moved at ${MOVED} ` +
        `(reported by an event); its deployment ecs-svc/payments-api started at ${BEFORE}. ` +
        'Next: force a new deployment.',
    );
  });

  it('validates against the plan schema and reports the trigger whole', () => {
    const trigger = secretChanged(DB, '2024-05-31T00:00:00Z', { versionId: DB_V2 });
    const result = planFor([{ name: 'svc', valueFroms: [DB] }], trigger);

    expect(PlanSchema.parse(result)).toEqual(result);
    expect(result.trigger).toEqual(trigger);
    expect(result.generatedAt).toBe(NOW.toISOString());
    expect(result.references).toMatchObject([
      {
        secretArn: DB,
        serviceArn: serviceArn('svc'),
        kind: 'environment',
        valueFrom: DB,
      },
    ]);
  });

  it('returns an empty plan when the trigger names an unknown secret', () => {
    const result = planFor(
      [{ name: 'svc', valueFroms: [DB] }],
      secretChanged('nope', MOVED),
    );

    expect(result).toMatchObject({ references: [], actions: [], findings: [] });
  });

  it.each([
    {
      when: 'every running task started after the move',
      valueFroms: [DB],
      tasks: [runningTask('a1', AFTER)],
    },
    {
      when: 'the only task that predates the move has stopped',
      valueFroms: [DB],
      tasks: [runningTask('a1', BEFORE, 'STOPPED')],
    },
    {
      when: 'the task predates the move but the service pins a version id',
      valueFroms: [PINNED(DB, DB_V1)],
      tasks: [runningTask('a1', BEFORE)],
    },
  ])('raises no StaleTasksRunning when $when', ({ valueFroms, tasks }) => {
    const world = worldOf([{ name: 'svc', valueFroms }], { tasks });

    const result = plan(snapshotOf(world), resync(), DEFAULT_POLICY, NOW);

    expect(result.findings.map((finding) => finding.code)).not.toContain(
      'StaleTasksRunning',
    );
  });

  it('lists running tasks that predate the move in one finding per service', () => {
    const world = worldOf([{ name: 'svc', valueFroms: [DB] }], {
      tasks: [
        runningTask('b2', BEFORE),
        runningTask('a1', BEFORE),
        runningTask('c3', AFTER),
        runningTask('d4', BEFORE, 'STOPPED'),
      ],
    });

    const result = plan(snapshotOf(world), resync(), DEFAULT_POLICY, NOW);

    const stale = result.findings.filter(
      (finding) => finding.code === 'StaleTasksRunning',
    );
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatchObject({
      severity: 'medium',
      resourceArn: serviceArn('svc'),
      secretArn: DB,
      evidence: {
        taskArns: ['a1', 'b2'].map(
          (id) => `arn:aws:ecs:${REGION}:${ACCOUNT}:task/payments-prod/${id}`,
        ),
      },
    });
  });

  it('gives the same plan twice and for services listed in another order', () => {
    const specs: ServiceSpec[] = [
      {
        name: 'a',
        valueFroms: [DB, 'arn:aws:secretsmanager:us-east-1:111122223333:secret:x:y'],
      },
      { name: 'b', valueFroms: [TOKEN], deployedAt: AFTER },
      { name: 'c', valueFroms: [API], extra: strategyTag('nope') },
    ];

    const first = planFor(specs);

    expect(planFor(specs)).toEqual(first);
    expect(planFor([...specs].reverse())).toEqual(first);
  });

  it('is AlreadyCurrent once the stale services have been redeployed (level, not edge)', () => {
    const world = worldOf([
      { name: 'a', valueFroms: [DB] },
      { name: 'b', valueFroms: [TOKEN, API] },
    ]);
    const trigger = resync();
    const first = plan(snapshotOf(world), trigger, DEFAULT_POLICY, NOW);
    expect(first.actions.map((action) => action.type)).toEqual(['redeploy', 'redeploy']);

    const redeployed = structuredClone(world);
    for (const service of redeployed.services) {
      service.deployments = [
        { id: 'ecs-svc/new', status: 'PRIMARY', createdAt: NOW.toISOString() },
      ];
    }
    const later = new Date(NOW.getTime() + 60_000);
    const second = plan(snapshotOf(redeployed), trigger, DEFAULT_POLICY, later);

    expect(second.actions.map((action) => action.reason)).toEqual([
      'AlreadyCurrent',
      'AlreadyCurrent',
    ]);
  });
});
