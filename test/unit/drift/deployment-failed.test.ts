import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../lib/decide/policy.js';
import { planWithDrift } from '../../../lib/drift/index.js';
import { classifyEvent } from '../../../lib/events/index.js';
import type { Trigger } from '../../../lib/events/types.js';
import { loadEventFixture } from '../../support/fixtures.js';
import { loadExampleFleet } from '../../support/snapshots.js';

const CLUSTER = 'arn:aws:ecs:us-east-1:111122223333:service/payments-prod';

function deploymentTrigger(fixture: string, service: string): Trigger {
  const event = loadEventFixture(`ecs/${fixture}`);
  const result = classifyEvent({ ...event, resources: [`${CLUSTER}/${service}`] });
  if (result.outcome !== 'trigger')
    throw new Error(`fixture ${fixture} did not classify`);
  return result.trigger;
}

describe('deployment-failed', () => {
  it.each([
    ['deployment-failed.json', 'payments-ledger', ['ExecutionRoleCannotReadSecret']],
    ['deployment-failed.json', 'payments-api', []],
  ])(
    'reports %s of %s with the critical findings that explain it',
    (fixture, service, codes) => {
      const snapshot = loadExampleFleet();
      const trigger = deploymentTrigger(fixture, service);

      const plan = planWithDrift(
        snapshot,
        trigger,
        DEFAULT_POLICY,
        new Date(snapshot.capturedAt),
      );
      const failed = plan.findings.filter((f) => f.code === 'DeploymentFailed');

      expect(failed).toEqual([
        expect.objectContaining({
          severity: 'high',
          resourceArn: `${CLUSTER}/${service}`,
          evidence: expect.objectContaining({ explainedBy: codes }),
        }),
      ]);
    },
  );

  it.each([['deployment-completed.json'], ['deployment-in-progress.json']])(
    'raises nothing when the deployment event is %s',
    (fixture) => {
      const snapshot = loadExampleFleet();
      const trigger = deploymentTrigger(fixture, 'payments-ledger');

      const plan = planWithDrift(
        snapshot,
        trigger,
        DEFAULT_POLICY,
        new Date(snapshot.capturedAt),
      );

      expect(plan.findings.filter((f) => f.code === 'DeploymentFailed')).toEqual([]);
    },
  );
});
