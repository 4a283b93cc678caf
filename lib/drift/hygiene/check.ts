import type { Finding } from '../../plan/types.js';
import type { ResolvedReference } from '../../refs/types.js';
import type { Secret, Snapshot } from '../../snapshot/types.js';
import type { Consumer } from '../types.js';
import { checkPlaintext } from './plaintext.js';
import { checkPlatformVersion } from './platform.js';
import { checkRotation, type RotationContext } from './rotation.js';

/** Time and event knowledge the hygiene checks take as arguments. */
export type HygieneContext = RotationContext;

/**
 * Hygiene findings for one consumer: plaintext secrets in environment
 * variables and log options, failed rotations of the secrets it references,
 * and Fargate platform versions too old for its references.
 */
export function checkHygiene(
  _snapshot: Snapshot,
  consumer: Consumer,
  refs: ResolvedReference[],
  context: HygieneContext,
): Finding[] {
  const secrets = refs
    .map((ref) => ref.secret)
    .filter((secret): secret is Secret => secret !== null);

  return [
    ...checkPlaintext(consumer),
    ...checkRotation(consumer, secrets, context),
    ...checkPlatformVersion(consumer, refs),
  ];
}
