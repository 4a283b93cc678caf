import type { Secret } from '../snapshot/types.js';
import { secretArnFor, splitArn } from './arn.js';
import { parseValueFrom } from './parse.js';
import type { ArnScope, SecretResolution } from './types.js';

/** Where the snapshot was observed: ids in any other scope cannot be in it. */
export type ObservedScope = Pick<ArnScope, 'account' | 'region'>;

/**
 * Matches a secret id (a name, a name with its 6-character suffix, or a full
 * or partial ARN) to the snapshot's secrets in `scope`. An id matches a secret
 * when it equals the resource part of the secret's ARN or the secret's Name;
 * nothing is ever stripped from an id by guesswork. Without `observed`, every
 * scope counts as observed.
 */
export function resolveSecret(
  id: string,
  scope: ArnScope,
  secrets: readonly Secret[],
  observed?: ObservedScope,
): SecretResolution {
  const target = targetOf(id, scope);
  if (target === null) {
    return { status: 'notFound' };
  }

  const candidates = secretsById(secrets).get(keyOf(target, target.secretId)) ?? [];
  const unique = [...new Map(candidates.map((s) => [s.ARN, s])).values()];
  unique.sort((a, b) => a.ARN.localeCompare(b.ARN));
  const [first, second] = unique;
  if (first !== undefined && second !== undefined) {
    return { status: 'ambiguous', candidates: unique };
  }
  if (first !== undefined) {
    return { status: 'resolved', secret: first };
  }

  const inSnapshot =
    observed === undefined ||
    (observed.account === target.account && observed.region === target.region);
  return inSnapshot
    ? { status: 'notFound' }
    : { status: 'outsideSnapshot', arn: secretArnFor(target, target.secretId) };
}

type Target = ArnScope & { secretId: string };

/** An id given as an ARN carries its own scope; a plain id takes `scope`. */
function targetOf(id: string, scope: ArnScope): Target | null {
  if (!id.startsWith('arn:')) {
    return id === '' ? null : { ...scope, secretId: id };
  }
  const parsed = parseValueFrom(id);
  if (parsed.store !== 'secretsmanager') {
    return null;
  }
  const { partition, region, account, secretId } = parsed;
  return { partition, region, account, secretId };
}

const keyOf = (scope: ArnScope, id: string): string =>
  `${scope.partition}:${scope.region}:${scope.account}:${id}`;

/** Built once per secrets list (snapshots are never mutated). */
const indexes = new WeakMap<readonly Secret[], Map<string, Secret[]>>();

/** Secrets by scope and id, where an id is both the ARN's resource id and the Name. */
function secretsById(secrets: readonly Secret[]): Map<string, Secret[]> {
  const cached = indexes.get(secrets);
  if (cached !== undefined) {
    return cached;
  }

  const index = new Map<string, Secret[]>();
  const add = (key: string, secret: Secret) =>
    index.set(key, [...(index.get(key) ?? []), secret]);
  for (const secret of secrets) {
    const arn = splitArn(secret.ARN);
    if (
      arn === null ||
      arn.service !== 'secretsmanager' ||
      !arn.resource.startsWith('secret:')
    ) {
      continue;
    }
    add(keyOf(arn, arn.resource.slice('secret:'.length)), secret);
    add(keyOf(arn, secret.Name), secret);
  }
  indexes.set(secrets, index);
  return index;
}

/**
 * Why a pinned version id or a named stage cannot be found on the secret, or
 * null when it can (or when the snapshot holds no version data to tell).
 */
export function missingVersion(
  secret: Secret,
  versionStage: string | null,
  versionId: string | null,
): string | null {
  const versions = versionStages(secret);
  if (versions === null) {
    return null;
  }
  if (versionId !== null && !versions.has(versionId)) {
    return `version id ${versionId} is not among the versions of ${secret.Name}`;
  }
  if (versionStage !== null) {
    const staged = [...versions.values()].some((stages) => stages.includes(versionStage));
    if (!staged) {
      return `no version of ${secret.Name} carries the stage ${versionStage}`;
    }
  }
  return null;
}

/** Version id → stages from Versions and VersionIdsToStages; null when neither is. */
function versionStages(secret: Secret): Map<string, string[]> | null {
  if (secret.Versions === undefined && secret.VersionIdsToStages === undefined) {
    return null;
  }
  const stages = new Map<string, string[]>();
  for (const version of secret.Versions ?? []) {
    stages.set(version.VersionId, [...version.VersionStages]);
  }
  for (const [versionId, labels] of Object.entries(secret.VersionIdsToStages ?? {})) {
    stages.set(versionId, [...new Set([...(stages.get(versionId) ?? []), ...labels])]);
  }
  return stages;
}
