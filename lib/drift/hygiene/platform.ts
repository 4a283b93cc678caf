import type { Finding } from '../../plan/types.js';
import { FINDINGS } from '../../plan/vocabulary.js';
import type { ResolvedReference } from '../../refs/types.js';
import type { Consumer } from '../types.js';

/** Fargate platform versions before this cannot inject a JSON key or a version. */
export const MIN_PLATFORM_FOR_JSON_KEYS = [1, 4, 0] as const;

/** Parses `1.3.0` into numbers; null for LATEST or anything else. */
export function parsePlatformVersion(text: string): number[] | null {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(text.trim());
  return match === null ? null : match.slice(1).map(Number);
}

/** True when `version` sorts before `minimum`, part by part as numbers. */
export function isOlder(version: readonly number[], minimum: readonly number[]): boolean {
  for (let i = 0; i < minimum.length; i += 1) {
    const part = version[i] ?? 0;
    const floor = minimum[i] ?? 0;
    if (part !== floor) return part < floor;
  }
  return false;
}

/**
 * A Fargate consumer pinned to a platform version older than 1.4.0 that
 * injects a JSON key, a version stage or a version id: the task start fails.
 * LATEST (and no version at all, which means LATEST) counts as current.
 */
export function checkPlatformVersion(
  consumer: Consumer,
  refs: ResolvedReference[],
): Finding[] {
  if (consumer.launchType !== 'FARGATE' || consumer.platformVersion === null) return [];
  const version = parsePlatformVersion(consumer.platformVersion);
  if (version === null || !isOlder(version, MIN_PLATFORM_FOR_JSON_KEYS)) return [];

  const needing = refs.filter(
    (ref) =>
      ref.store === 'secretsmanager' &&
      ref.kind !== 'runtime' &&
      (ref.jsonKey !== null || ref.versionStage !== null || ref.versionId !== null),
  );
  if (needing.length === 0) return [];

  return [
    {
      code: 'PlatformVersionTooOld',
      severity: FINDINGS.PlatformVersionTooOld.severity,
      resourceArn: consumer.arn,
      secretArn: null,
      message: `Fargate platform ${consumer.platformVersion} cannot inject the JSON key or version of ${needing.length} reference(s); 1.4.0 or later is needed.`,
      evidence: {
        platformVersion: consumer.platformVersion,
        minimum: MIN_PLATFORM_FOR_JSON_KEYS.join('.'),
        references: needing.map((ref) => ({
          container: ref.container,
          name: ref.name,
          valueFrom: ref.valueFrom,
          jsonKey: ref.jsonKey,
          versionStage: ref.versionStage,
          versionId: ref.versionId,
        })),
      },
    },
  ];
}
