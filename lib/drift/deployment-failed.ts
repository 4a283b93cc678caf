import type { Trigger } from '../events/types.js';
import type { Finding } from '../plan/types.js';
import { FINDINGS, severityRank } from '../plan/vocabulary.js';

const FAILED = 'SERVICE_DEPLOYMENT_FAILED';

/**
 * One DeploymentFailed finding when ECS reports a failed deployment of a
 * service in the plan, carrying the critical findings on that service that
 * would explain why its new tasks could not start.
 */
export function deploymentFailedFindings(
  trigger: Trigger,
  findings: Finding[],
): Finding[] {
  if (trigger.kind !== 'serviceChanged' || trigger.eventName !== FAILED) return [];

  const critical = severityRank('critical');
  const explainedBy = [
    ...new Set(
      findings
        .filter(
          (f) =>
            f.resourceArn === trigger.serviceArn && severityRank(f.severity) >= critical,
        )
        .map((f) => f.code),
    ),
  ].sort();
  const why =
    explainedBy.length > 0
      ? `; findings that explain it: ${explainedBy.join(', ')}`
      : '; no secret finding explains it';

  return [
    {
      code: 'DeploymentFailed',
      severity: FINDINGS.DeploymentFailed.severity,
      resourceArn: trigger.serviceArn,
      secretArn: null,
      message: `Deployment ${trigger.deploymentId ?? '(unknown)'} ended FAILED${why}.`,
      evidence: {
        deploymentId: trigger.deploymentId,
        reason: trigger.reason,
        eventId: trigger.eventId,
        at: trigger.at,
        explainedBy,
      },
    },
  ];
}
