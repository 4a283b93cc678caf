import type { ConsumerCheck } from '../decide/checks.js';
import { triggerSecrets } from '../decide/scope.js';
import { SecretChange, type Trigger } from '../events/types.js';
import type { Snapshot } from '../snapshot/types.js';
import { checkConsumer } from './consumer.js';

/** What the drift checks know beyond the snapshot: the time, and what events said. */
export type DriftOptions = {
  now: Date;
  /** Full ARNs of secrets a rotation-failed or rotation-abandoned event named. */
  failedRotations?: string[];
};

const FAILED_ROTATION: ReadonlySet<SecretChange> = new Set([
  SecretChange.rotationFailed,
  SecretChange.rotationAbandoned,
]);

/** The drift options a trigger implies: a failed or abandoned rotation names its secret. */
export function driftOptions(
  snapshot: Snapshot,
  trigger: Trigger,
  now: Date,
): DriftOptions {
  if (trigger.kind !== 'secretChanged' || !FAILED_ROTATION.has(trigger.change)) {
    return { now };
  }
  const failedRotations = triggerSecrets(snapshot, trigger).map((secret) => secret.ARN);
  return { now, failedRotations };
}

/**
 * The drift checks as plan runs them, one combined check per consumer:
 * network, roles through the endpoints on the path, then hygiene.
 */
export function driftChecks(options: DriftOptions): ConsumerCheck[] {
  const context = {
    now: options.now,
    ...(options.failedRotations ? { failedRotations: options.failedRotations } : {}),
  };
  return [
    (snapshot, consumer, refs, policy) =>
      checkConsumer(snapshot, consumer, refs, policy, context).findings,
  ];
}
