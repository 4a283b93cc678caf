import type { ConsumerCheck } from '../decide/checks.js';
import { sortFindings } from '../decide/order.js';
import { plan } from '../decide/plan.js';
import type { Policy } from '../decide/policy.js';
import { triggerSecrets } from '../decide/scope.js';
import type { Trigger } from '../events/types.js';
import type { Finding, Plan } from '../plan/types.js';
import { FINDINGS } from '../plan/vocabulary.js';
import type { Snapshot } from '../snapshot/types.js';
import { driftChecks, driftOptions } from './checks.js';
import { deploymentFailedFindings } from './deployment-failed.js';
import { rotationSignals } from './hygiene/index.js';
import { taskStartFindings } from './task-start.js';

/**
 * A failed rotation of a secret no service in scope references still
 * deserves its finding: one on the secret itself.
 */
function unreferencedRotation(
  snapshot: Snapshot,
  trigger: Trigger,
  now: Date,
  findings: Finding[],
): Finding[] {
  const { failedRotations = [] } = driftOptions(snapshot, trigger, now);
  const reported = new Set(
    findings.filter((f) => f.code === 'RotationFailed').map((f) => f.secretArn),
  );
  return triggerSecrets(snapshot, trigger)
    .filter((secret) => failedRotations.includes(secret.ARN) && !reported.has(secret.ARN))
    .map((secret) => {
      const signals = rotationSignals(secret, { now, failedRotations });
      return {
        code: 'RotationFailed',
        severity: FINDINGS.RotationFailed.severity,
        resourceArn: secret.ARN,
        secretArn: secret.ARN,
        message: `The last rotation of ${secret.Name} failed or was abandoned; no service in scope references it.`,
        evidence: { secretName: secret.Name, signals },
      } satisfies Finding;
    });
}

/**
 * The plan with drift and preflight checks on: every consumer in scope is
 * checked (network, roles, hygiene), a critical finding blocks its redeploy
 * or signal, and a task that failed to start fetching its secrets gets a
 * TaskStartFailed finding, a failed deployment a DeploymentFailed one.
 * `checks` replaces the drift checks (tests).
 */
export function planWithDrift(
  snapshot: Snapshot,
  trigger: Trigger,
  policy: Policy,
  now: Date,
  checks: readonly ConsumerCheck[] = driftChecks(driftOptions(snapshot, trigger, now)),
): Plan {
  const planned = plan(snapshot, trigger, policy, now, checks);
  const started = taskStartFindings(snapshot, trigger, policy, checks);
  const rotation = unreferencedRotation(snapshot, trigger, now, planned.findings);
  const deployment = deploymentFailedFindings(trigger, planned.findings);
  const extra = [...started, ...rotation, ...deployment];
  if (extra.length === 0) return planned;
  return { ...planned, findings: sortFindings([...planned.findings, ...extra]) };
}
