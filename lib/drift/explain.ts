import { sortFindings } from '../decide/order.js';
import type { Policy } from '../decide/policy.js';
import { followedLabel } from '../decide/staleness.js';
import type { Finding } from '../plan/types.js';
import type { ResolvedReference } from '../refs/types.js';
import type { Secret, Snapshot } from '../snapshot/types.js';
import { checkConsumer, endpointRoutes } from './consumer.js';
import type { HygieneContext } from './hygiene/index.js';
import {
  explainRole,
  type ReferenceExplanation,
  type RoleCheck,
  type RoleCheckOptions,
  secretKey,
} from './iam/index.js';
import type { SubnetPath } from './network/types.js';
import type { Consumer } from './types.js';

/** The secret a reference reaches: where, which version, and whether it is going away. */
export type SecretLink = {
  arn: string;
  name: string;
  /** The staging label followed, or null when the reference pins a version id. */
  stage: string | null;
  /** The version the reference would read now, or null when none holds the label. */
  versionId: string | null;
  deletedDate: string | null;
  kmsKey: { kind: 'awsManaged' | 'customer' | 'unknown'; keyId: string };
};

/** One decision of a role on one request, with the statements that decided it. */
export type RoleDecision = {
  /** The interface endpoint the request goes through, or null (NAT, internet, none). */
  via: string | null;
  purpose: RoleCheck['purpose'];
  action: string;
  resource: string;
  result: string;
  reason: string;
  deciding: { policy: string; layer: string; sid: string | null; index: number }[];
};

/** One reference, end to end: the secret it reaches and how its role decides. */
export type ReferenceLink = {
  container: string | null;
  kind: ResolvedReference['kind'];
  name: string;
  valueFrom: string;
  store: ResolvedReference['store'];
  jsonKey: string | null;
  secret: SecretLink | null;
  role: { which: 'execution' | 'task'; arn: string | null };
  decisions: RoleDecision[];
  problems: { problem: string; detail: string }[];
};

/** The chain `explain` prints for one consumer. */
export type Explanation = {
  consumer: Pick<
    Consumer,
    'kind' | 'arn' | 'clusterArn' | 'launchType' | 'platformVersion'
  >;
  taskDefinition: {
    arn: string | null;
    executionRoleArn: string | null;
    taskRoleArn: string | null;
    networkMode: string | null;
  };
  references: ReferenceLink[];
  network: SubnetPath[];
  findings: Finding[];
};

function versionHolding(secret: Secret, stage: string): string | null {
  const fromMap = Object.entries(secret.VersionIdsToStages ?? {}).find(([, stages]) =>
    stages.includes(stage),
  );
  if (fromMap !== undefined) return fromMap[0];
  return secret.Versions?.find((v) => v.VersionStages.includes(stage))?.VersionId ?? null;
}

function secretLink(snapshot: Snapshot, ref: ResolvedReference): SecretLink | null {
  const secret = ref.secret;
  if (secret === null) return null;
  const stage = followedLabel(ref);
  const key = secretKey(snapshot, secret);
  return {
    arn: secret.ARN,
    name: secret.Name,
    stage,
    versionId: ref.versionId ?? (stage === null ? null : versionHolding(secret, stage)),
    deletedDate: secret.DeletedDate ?? null,
    kmsKey:
      key.kind === 'customer'
        ? { kind: 'customer', keyId: key.entry.KeyMetadata.Arn }
        : { kind: key.kind, keyId: key.keyId },
  };
}

function decision(via: string | null, check: RoleCheck): RoleDecision {
  return {
    via,
    purpose: check.purpose,
    action: check.action,
    resource: check.resource,
    result: check.decision.result,
    reason: check.decision.reason,
    deciding: check.decision.deciding.map(({ policy, layer, sid, index }) => ({
      policy,
      layer,
      sid,
      index,
    })),
  };
}

/** The role explanations for one endpoint route the consumer's subnets use. */
type RouteExplanations = {
  options: RoleCheckOptions;
  explanations: ReferenceExplanation[];
};

/** One reference end to end, its role decisions gathered across every route. */
function referenceLink(
  snapshot: Snapshot,
  ref: ResolvedReference,
  byRoute: readonly RouteExplanations[],
): ReferenceLink {
  const decisions: RoleDecision[] = [];
  let role: ReferenceLink['role'] = {
    which: ref.kind === 'runtime' ? 'task' : 'execution',
    arn: null,
  };
  const problems = new Map<string, { problem: string; detail: string }>();
  for (const { options, explanations } of byRoute) {
    const found = explanations.find(
      (e) =>
        e.reference.valueFrom === ref.valueFrom &&
        e.reference.container === ref.container &&
        e.reference.name === ref.name &&
        e.reference.kind === ref.kind,
    );
    if (found === undefined) continue;
    role = { which: found.role, arn: found.roleArn };
    const via =
      ref.store === 'ssm'
        ? (options.ssmEndpoint?.vpceId ?? null)
        : (options.endpoint?.vpceId ?? null);
    decisions.push(...found.checks.map((check) => decision(via, check)));
    for (const problem of found.problems) problems.set(JSON.stringify(problem), problem);
  }

  const unique = [...new Map(decisions.map((d) => [JSON.stringify(d), d])).values()];
  return {
    container: ref.container,
    kind: ref.kind,
    name: ref.name,
    valueFrom: ref.valueFrom,
    store: ref.store,
    jsonKey: ref.jsonKey,
    secret: secretLink(snapshot, ref),
    role,
    decisions: unique,
    problems: [...problems.values()],
  };
}

/**
 * Everything the controller knows about whether one consumer's next task
 * could fetch its secrets: each reference, the secret and version it reaches,
 * every role and key decision with its deciding statements (once per endpoint
 * the consumer's subnets go through), the network path per subnet, and the
 * findings. `refFindings` are the reference findings collected with `refs`.
 */
export function explainConsumer(
  snapshot: Snapshot,
  consumer: Consumer,
  refs: ResolvedReference[],
  refFindings: Finding[],
  policy: Policy,
  context: HygieneContext,
): Explanation {
  const drift = checkConsumer(snapshot, consumer, refs, policy, context);
  const byRoute = endpointRoutes(drift.paths).map((options) => ({
    options,
    explanations: explainRole(snapshot, consumer, refs, options),
  }));
  const td = consumer.taskDefinition;

  return {
    consumer: {
      kind: consumer.kind,
      arn: consumer.arn,
      clusterArn: consumer.clusterArn,
      launchType: consumer.launchType,
      platformVersion: consumer.platformVersion,
    },
    taskDefinition: {
      arn: td?.taskDefinitionArn ?? null,
      executionRoleArn: td?.executionRoleArn ?? null,
      taskRoleArn: td?.taskRoleArn ?? null,
      networkMode: td?.networkMode ?? null,
    },
    references: refs.map((ref) => referenceLink(snapshot, ref, byRoute)),
    network: drift.paths,
    findings: sortFindings([...refFindings, ...drift.findings]),
  };
}
