import type { Finding } from '../../plan/types.js';
import { FINDINGS } from '../../plan/vocabulary.js';
import { normaliseTimestamp } from '../../snapshot/timestamp.js';
import type { Secret } from '../../snapshot/types.js';
import type { Consumer } from '../types.js';

const HOUR_MS = 3_600_000;

/** What the rotation check needs beyond the snapshot. */
export type RotationContext = {
  now: Date;
  /** Secrets a rotation-failed or rotation-abandoned event named (full ARNs). */
  failedRotations?: readonly string[];
  /**
   * How long an AWSPENDING version may wait before rotation counts as failed.
   * A rotation function runs its four steps in minutes; six hours leaves room
   * for retries without letting a stuck rotation pass for a day.
   */
  pendingHours?: number;
};

export const DEFAULT_PENDING_HOURS = 6;
/** How far NextRotationDate may lie in the past before rotation counts as failed. */
export const OVERDUE_HOURS = 24;

type Signal = { rule: string } & Record<string, unknown>;

function timeOf(value: unknown): number | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const iso = normaliseTimestamp(value);
  return iso === null ? null : Date.parse(iso);
}

/**
 * Secrets Manager does not record that a rotation failed, so these signals
 * stand in for it:
 * - an event said so (`failedRotations`);
 * - rotation is on and a version labelled AWSPENDING, but not AWSCURRENT, is
 *   older than `pendingHours`: createSecret ran, finishSecret never did;
 * - rotation is on and NextRotationDate lies more than a day in the past.
 */
export function rotationSignals(secret: Secret, context: RotationContext): Signal[] {
  const signals: Signal[] = [];
  const now = context.now.getTime();
  if (context.failedRotations?.includes(secret.ARN))
    signals.push({ rule: 'rotationEvent' });
  if (secret.RotationEnabled !== true) return signals;

  const threshold = context.pendingHours ?? DEFAULT_PENDING_HOURS;
  for (const version of secret.Versions ?? []) {
    const stages = version.VersionStages;
    const created = timeOf(version.CreatedDate);
    if (
      !stages.includes('AWSPENDING') ||
      stages.includes('AWSCURRENT') ||
      created === null
    ) {
      continue;
    }
    const ageHours = (now - created) / HOUR_MS;
    if (ageHours > threshold) {
      signals.push({
        rule: 'stalePending',
        versionId: version.VersionId,
        createdDate: version.CreatedDate,
        ageHours: Math.floor(ageHours),
        thresholdHours: threshold,
      });
    }
  }

  const next = timeOf((secret as Record<string, unknown>).NextRotationDate);
  if (next !== null && now - next > OVERDUE_HOURS * HOUR_MS) {
    signals.push({
      rule: 'nextRotationOverdue',
      nextRotationDate: new Date(next).toISOString(),
      overdueHours: Math.floor((now - next) / HOUR_MS),
    });
  }
  return signals;
}

/** RotationFailed for each distinct secret of the consumer that shows a failure signal. */
export function checkRotation(
  consumer: Consumer,
  secrets: Secret[],
  context: RotationContext,
): Finding[] {
  const distinct = [...new Map(secrets.map((secret) => [secret.ARN, secret])).values()];

  return distinct.flatMap((secret) => {
    const signals = rotationSignals(secret, context);
    if (signals.length === 0) return [];
    const rules = signals.map((signal) => signal.rule);
    return [
      {
        code: 'RotationFailed' as const,
        severity: FINDINGS.RotationFailed.severity,
        resourceArn: consumer.arn,
        secretArn: secret.ARN,
        message: `The last rotation of ${secret.Name} looks failed (${rules.join(', ')}); new tasks would get the old value.`,
        evidence: { secretName: secret.Name, signals },
      },
    ];
  });
}
