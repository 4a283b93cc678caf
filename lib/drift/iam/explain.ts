import type { ResolvedReference } from '../../refs/types.js';
import type { Secret, Snapshot } from '../../snapshot/types.js';
import type { Consumer } from '../types.js';
import { evaluate } from './evaluate.js';
import { secretKey } from './keys.js';
import {
  type Caller,
  decryptRequest,
  type EndpointPath,
  type PlannedRequest,
  type RequestPurpose,
  readParameterRequest,
  readSecretRequest,
} from './requests.js';
import { findRole, type RolePolicies, rolePolicies } from './roles.js';
import type { Decision, NamedPolicy } from './types.js';

/** An interface endpoint on the task's path, with its policy (absent: full access). */
export type EndpointOnPath = EndpointPath & { policy?: unknown };

export type RoleCheckOptions = {
  /** The Secrets Manager endpoint the tasks reach, when they reach it privately. */
  endpoint?: EndpointOnPath | null;
  /** The SSM endpoint the tasks reach, when they reach it privately. */
  ssmEndpoint?: EndpointOnPath | null;
};

/** Why a reference could not be evaluated. */
export type RoleProblem =
  | 'noIamSection'
  | 'noExecutionRoleArn'
  | 'noTaskRoleArn'
  | 'roleNotInSnapshot'
  | 'secretNotInSnapshot'
  | 'keyNotInSnapshot'
  | 'crossAccountDefaultKey'
  | 'parameterInOtherAccount';

export type RoleCheck = {
  purpose: RequestPurpose;
  action: string;
  resource: string;
  decision: Decision;
};

/** For one reference: which role fetches it, each request, and each decision. */
export type ReferenceExplanation = {
  reference: Pick<
    ResolvedReference,
    'kind' | 'name' | 'container' | 'valueFrom' | 'secretArn' | 'store'
  >;
  role: 'execution' | 'task';
  roleArn: string | null;
  checks: RoleCheck[];
  problems: { problem: RoleProblem; detail: string }[];
};

type Context = {
  snapshot: Snapshot;
  options: RoleCheckOptions;
};

function endpointPolicy(endpoint: EndpointOnPath | null | undefined): NamedPolicy | null {
  if (!endpoint || endpoint.policy === undefined || endpoint.policy === null) {
    return null;
  }
  return { name: `endpoint ${endpoint.vpceId}`, document: endpoint.policy };
}

function secretPolicy(secret: Secret): NamedPolicy | null {
  if (secret.ResourcePolicy === null) {
    return null;
  }
  // undefined: the snapshot did not capture it, so any decision it sways is unverifiable.
  return { name: `resource policy of ${secret.Name}`, document: secret.ResourcePolicy };
}

function check(
  planned: PlannedRequest,
  role: RolePolicies,
  resource: NamedPolicy | null,
  endpoint: NamedPolicy | null,
): RoleCheck {
  const decision = evaluate(planned.request, {
    identity: role.identity,
    boundary: role.boundary,
    resource,
    endpoint,
    principalAccount: role.account,
    resourceAccount: planned.resourceAccount,
  });
  return {
    purpose: planned.purpose,
    action: planned.request.action,
    resource: planned.request.resource,
    decision,
  };
}

function secretChecks(
  ctx: Context,
  explanation: ReferenceExplanation,
  role: RolePolicies,
  caller: Caller,
  secret: Secret,
  ref: ResolvedReference,
): void {
  const read = readSecretRequest(caller, secret, ref, ctx.options.endpoint);
  const endpoint =
    ref.kind === 'ssmReference' ? null : endpointPolicy(ctx.options.endpoint);
  explanation.checks.push(check(read, role, secretPolicy(secret), endpoint));

  const key = secretKey(ctx.snapshot, secret);
  const crossAccount = read.resourceAccount !== role.account;
  if (key.kind === 'awsManaged') {
    if (crossAccount) {
      explanation.problems.push({ problem: 'crossAccountDefaultKey', detail: key.keyId });
    }
    return;
  }
  if (key.kind === 'unknown') {
    explanation.problems.push({ problem: 'keyNotInSnapshot', detail: key.keyId });
    return;
  }
  const decrypt = decryptRequest(caller, secret, ref, key.entry);
  const keyPolicy = {
    name: `key policy of ${key.entry.KeyMetadata.Arn}`,
    document: key.entry.Policy,
  };
  explanation.checks.push(check(decrypt, role, keyPolicy, null));
}

function explainReference(ctx: Context, consumer: Consumer, ref: ResolvedReference) {
  const runtime = ref.kind === 'runtime';
  const roleArn =
    (runtime
      ? consumer.taskDefinition?.taskRoleArn
      : consumer.taskDefinition?.executionRoleArn) ?? null;
  const explanation: ReferenceExplanation = {
    reference: {
      kind: ref.kind,
      name: ref.name,
      container: ref.container,
      valueFrom: ref.valueFrom,
      secretArn: ref.secretArn,
      store: ref.store,
    },
    role: runtime ? 'task' : 'execution',
    roleArn,
    checks: [],
    problems: [],
  };
  const problem = (p: RoleProblem, detail: string) => {
    explanation.problems.push({ problem: p, detail });
    return explanation;
  };

  if (!roleArn) {
    return problem(runtime ? 'noTaskRoleArn' : 'noExecutionRoleArn', '');
  }
  if (!ctx.snapshot.iam) {
    return problem('noIamSection', roleArn);
  }
  const entry = findRole(ctx.snapshot, roleArn);
  if (!entry) {
    return problem('roleNotInSnapshot', roleArn);
  }
  const role = rolePolicies(entry);
  const caller: Caller = {
    principalArn: role.roleArn,
    account: role.account,
    tags: role.tags,
  };

  if (ref.store === 'ssm') {
    const read = readParameterRequest(caller, ctx.snapshot, ref, ctx.options.ssmEndpoint);
    if (read && read.resourceAccount !== role.account) {
      problem('parameterInOtherAccount', read.request.resource);
    } else if (read) {
      explanation.checks.push(
        check(read, role, null, endpointPolicy(ctx.options.ssmEndpoint)),
      );
    }
    if (ref.kind !== 'ssmReference') {
      return explanation;
    }
  }
  if (!ref.secret) {
    return ref.secretArn ? problem('secretNotInSnapshot', ref.secretArn) : explanation;
  }
  secretChecks(ctx, explanation, role, caller, ref.secret, ref);
  return explanation;
}

/**
 * For an `explain` command: per reference, the role that fetches it, the
 * requests made, and each decision with its deciding statements.
 */
export function explainRole(
  snapshot: Snapshot,
  consumer: Consumer,
  refs: ResolvedReference[],
  options: RoleCheckOptions = {},
): ReferenceExplanation[] {
  const ctx: Context = { snapshot, options };
  return refs
    .filter((ref) => ref.store !== 'invalid')
    .map((ref) => explainReference(ctx, consumer, ref));
}
