import { describe, expect, it } from 'vitest';
import type { ConsumerCheck } from '../../../lib/decide/checks.js';
import { plan } from '../../../lib/decide/plan.js';
import { DEFAULT_POLICY } from '../../../lib/decide/policy.js';
import type { Consumer } from '../../../lib/drift/types.js';
import type { Finding } from '../../../lib/plan/types.js';
import type { Severity } from '../../../lib/plan/vocabulary.js';
import {
  CLUSTER,
  NOW,
  resync,
  serviceArn,
  snapshotOf,
  taskDefinitionArn,
} from './build.js';
import { AFTER, DB, type ServiceSpec, worldOf } from './world.js';

/** A fake drift check: one finding of the given code and severity for the named service. */
function failing(name: string, code: Finding['code'], severity: Severity): ConsumerCheck {
  return (_snapshot, consumer) =>
    consumer.arn === serviceArn(name)
      ? [
          {
            code,
            severity,
            resourceArn: `arn:aws:iam::111122223333:role/${name}-execution`,
            secretArn: DB,
            message: `${name} fails ${code}`,
            evidence: {},
          },
        ]
      : [];
}

function planWith(specs: ServiceSpec[], checks: ConsumerCheck[]) {
  return plan(snapshotOf(worldOf(specs)), resync(), DEFAULT_POLICY, NOW, checks);
}

describe('gate', () => {
  it.each([
    {
      when: 'a critical finding concerns a stale service',
      spec: { name: 'svc', valueFroms: [DB] },
      checks: [failing('svc', 'ExecutionRoleCannotReadSecret', 'critical')],
      type: 'block',
      reason: 'PreflightFailed',
    },
    {
      when: 'a critical finding concerns a signalled service',
      spec: {
        name: 'svc',
        valueFroms: [DB],
        extra: { tags: [{ key: 'secret-reconciler/strategy', value: 'signal' }] },
      },
      checks: [failing('svc', 'NoNetworkPath', 'critical')],
      type: 'block',
      reason: 'PreflightFailed',
    },
    {
      when: 'only a high finding concerns a stale service',
      spec: { name: 'svc', valueFroms: [DB] },
      checks: [failing('svc', 'PublicNetworkPath', 'high')],
      type: 'redeploy',
      reason: 'SecretVersionChanged',
    },
    {
      when: 'a critical finding concerns another service',
      spec: { name: 'svc', valueFroms: [DB] },
      checks: [failing('other', 'NoNetworkPath', 'critical')],
      type: 'redeploy',
      reason: 'SecretVersionChanged',
    },
    {
      when: 'a critical finding concerns a current service',
      spec: { name: 'svc', valueFroms: [DB], deployedAt: AFTER },
      checks: [failing('svc', 'NoNetworkPath', 'critical')],
      type: 'skip',
      reason: 'AlreadyCurrent',
    },
    {
      when: 'a reference of the stale service is itself broken',
      spec: {
        name: 'svc',
        valueFroms: [DB, 'arn:aws:secretsmanager:us-east-1:111122223333:secret:gone'],
      },
      checks: [],
      type: 'block',
      reason: 'PreflightFailed',
    },
  ])(
    'turns the action into $type/$reason when $when',
    ({ spec, checks, type, reason }) => {
      const result = planWith([spec], checks);

      expect(result.actions).toMatchObject([{ type, reason }]);
    },
  );

  it('names every critical code in the block message and keeps the findings', () => {
    const checks = [
      failing('svc', 'NoNetworkPath', 'critical'),
      failing('svc', 'ExecutionRoleCannotDecrypt', 'critical'),
    ];
    const result = planWith([{ name: 'svc', valueFroms: [DB] }], checks);

    expect(result.actions[0]?.message).toContain(
      'svc would redeploy but new tasks could not fetch their secrets ' +
        '(ExecutionRoleCannotDecrypt, NoNetworkPath)',
    );
    expect(result.actions[0]?.secretArns).toEqual([DB]);
    expect(result.findings.map((finding) => finding.code)).toEqual([
      'ExecutionRoleCannotDecrypt',
      'NoNetworkPath',
    ]);
  });

  it('hands each check the service as a consumer with its placement and references', () => {
    const seen: Array<{ consumer: Consumer; refs: number }> = [];
    const spy: ConsumerCheck = (_snapshot, consumer, refs) => {
      seen.push({ consumer, refs: refs.length });
      return [];
    };

    planWith([{ name: 'svc', valueFroms: [DB, DB] }], [spy]);

    expect(seen).toHaveLength(1);
    expect(seen[0]?.refs).toBe(2);
    expect(seen[0]?.consumer).toMatchObject({
      kind: 'service',
      arn: serviceArn('svc'),
      clusterArn: CLUSTER,
      taskDefinition: { taskDefinitionArn: taskDefinitionArn('svc') },
      network: {
        subnets: ['subnet-0a1b2c3d'],
        securityGroups: ['sg-0a1b2c3d'],
        assignPublicIp: false,
      },
      launchType: 'FARGATE',
    });
  });
});
