import type { IamRoleEntry, Snapshot } from '../../snapshot/types.js';
import type { NamedPolicy } from './types.js';

/** The policies and facts of one role that evaluation needs. */
export type RolePolicies = {
  roleArn: string;
  account: string;
  identity: NamedPolicy[];
  boundary: NamedPolicy | null;
  /** The role's tags, or null when the snapshot does not record them. */
  tags: Record<string, string> | null;
};

/**
 * Finds a role by ARN (paths included). A bare role name, which ECS also
 * accepts, matches by name.
 */
export function findRole(snapshot: Snapshot, roleArn: string): IamRoleEntry | undefined {
  const roles = snapshot.iam?.roles ?? [];
  if (!roleArn.startsWith('arn:')) {
    return roles.find((entry) => entry.Role.RoleName === roleArn);
  }
  return rolesByArn(roles).get(roleArn);
}

/** Built once per roles list (snapshots are never mutated); the first of a repeated ARN wins. */
const indexes = new WeakMap<readonly IamRoleEntry[], Map<string, IamRoleEntry>>();

function rolesByArn(roles: readonly IamRoleEntry[]): Map<string, IamRoleEntry> {
  const cached = indexes.get(roles);
  if (cached !== undefined) return cached;

  const index = new Map<string, IamRoleEntry>();
  for (const entry of roles) {
    if (!index.has(entry.Role.Arn)) index.set(entry.Role.Arn, entry);
  }
  indexes.set(roles, index);
  return index;
}

function readTags(value: unknown): Record<string, string> | null {
  if (!Array.isArray(value)) {
    return null;
  }
  const tags: Record<string, string> = {};
  for (const tag of value) {
    if (typeof tag === 'object' && tag !== null && typeof tag.Key === 'string') {
      tags[tag.Key] = typeof tag.Value === 'string' ? tag.Value : '';
    }
  }
  return tags;
}

/** Collects a role's inline and attached policies, boundary and tags. */
export function rolePolicies(entry: IamRoleEntry): RolePolicies {
  const role = entry.Role;
  const inline = entry.RolePolicies.map((policy) => ({
    name: `${role.RoleName}/${policy.PolicyName}`,
    document: policy.PolicyDocument,
  }));
  const attached = entry.AttachedPolicies.map((policy) => ({
    name: policy.PolicyArn,
    document: policy.Document,
  }));
  const boundaryArn = role.PermissionsBoundary?.PermissionsBoundaryArn;
  return {
    roleArn: role.Arn,
    account: role.Arn.split(':')[4] ?? '',
    identity: [...inline, ...attached],
    boundary: boundaryArn
      ? { name: boundaryArn, document: entry.PermissionsBoundaryDocument }
      : null,
    tags: readTags(role.Tags),
  };
}
