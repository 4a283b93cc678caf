import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  type IAMClient,
  paginateListAttachedRolePolicies,
  paginateListRolePolicies,
} from '@aws-sdk/client-iam';
import type { Log } from '../log.js';
import type { SnapshotInput } from '../snapshot/types.js';
import { isNotFound } from './access.js';
import { cliJson } from './cli-json.js';

type RoleEntry = NonNullable<SnapshotInput['iam']>['roles'][number];

/**
 * Each role with its inline policies, attached managed policies (default
 * version document) and permission boundary document. Roles that do not
 * exist are left out; an access-denied error is thrown to the caller, which
 * leaves the whole section out rather than report roles as missing.
 */
export async function readRoles(
  iam: IAMClient,
  roleArns: Iterable<string>,
  log: Log,
): Promise<{ roles: RoleEntry[] }> {
  const documents = new Map<string, Promise<string | undefined>>();
  const document = (policyArn: string): Promise<string | undefined> => {
    let pending = documents.get(policyArn);
    if (pending === undefined) {
      pending = managedPolicyDocument(iam, policyArn);
      documents.set(policyArn, pending);
    }
    return pending;
  };

  const roles: RoleEntry[] = [];
  for (const roleArn of new Set(roleArns)) {
    const entry = await readRole(iam, roleArn, document);
    if (entry === null) {
      log.info('role not found', { roleArn });
      continue;
    }
    roles.push(entry);
  }
  return { roles };
}

/** The role name is the last segment: role ARNs may carry a path (`role/path/name`). */
export function roleNameOfArn(roleArn: string): string {
  return roleArn.split('/').at(-1) ?? roleArn;
}

async function readRole(
  iam: IAMClient,
  roleArn: string,
  document: (policyArn: string) => Promise<string | undefined>,
): Promise<RoleEntry | null> {
  const RoleName = roleNameOfArn(roleArn);
  let role: RoleEntry['Role'];
  try {
    const output = await iam.send(new GetRoleCommand({ RoleName }));
    role = cliJson(output.Role) as RoleEntry['Role'];
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }

  const RolePolicies: NonNullable<RoleEntry['RolePolicies']> = [];
  for await (const page of paginateListRolePolicies({ client: iam }, { RoleName })) {
    for (const PolicyName of page.PolicyNames ?? []) {
      const output = await iam.send(new GetRolePolicyCommand({ RoleName, PolicyName }));
      RolePolicies.push({ PolicyName, PolicyDocument: output.PolicyDocument ?? '{}' });
    }
  }

  const AttachedPolicies: NonNullable<RoleEntry['AttachedPolicies']> = [];
  for await (const page of paginateListAttachedRolePolicies(
    { client: iam },
    { RoleName },
  )) {
    for (const attached of page.AttachedPolicies ?? []) {
      if (attached.PolicyArn === undefined) continue;
      const Document = await document(attached.PolicyArn);
      AttachedPolicies.push({
        PolicyArn: attached.PolicyArn,
        ...(attached.PolicyName ? { PolicyName: attached.PolicyName } : {}),
        ...(Document === undefined ? {} : { Document }),
      });
    }
  }

  const boundaryArn = role.PermissionsBoundary?.PermissionsBoundaryArn;
  const boundary = boundaryArn === undefined ? undefined : await document(boundaryArn);
  return {
    Role: role,
    RolePolicies,
    AttachedPolicies,
    ...(boundary === undefined ? {} : { PermissionsBoundaryDocument: boundary }),
  };
}

/** The default version's document of a managed policy; undefined when the policy is gone. */
async function managedPolicyDocument(
  iam: IAMClient,
  PolicyArn: string,
): Promise<string | undefined> {
  try {
    const policy = await iam.send(new GetPolicyCommand({ PolicyArn }));
    const VersionId = policy.Policy?.DefaultVersionId;
    if (VersionId === undefined) return undefined;
    const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn, VersionId }));
    return version.PolicyVersion?.Document;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
