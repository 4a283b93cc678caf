import type { Policy } from '../decide/policy.js';
import type { Finding } from '../plan/types.js';
import { FINDINGS } from '../plan/vocabulary.js';
import type { ResolvedReference } from '../refs/types.js';
import type { Snapshot } from '../snapshot/types.js';
import { checkHygiene, type HygieneContext } from './hygiene/index.js';
import { checkRoles, type RoleCheckOptions } from './iam/index.js';
import { checkNetwork, type NetworkStores } from './network/index.js';
import type { EndpointContext, SubnetPath } from './network/types.js';
import type { Consumer } from './types.js';

/** Everything the drift checks found about one consumer, with the paths they followed. */
export type ConsumerDrift = { findings: Finding[]; paths: SubnetPath[] };

/** Which services ECS (or the app, for runtime references) calls for these references. */
export function storesOf(refs: readonly ResolvedReference[]): NetworkStores {
  return {
    secretsmanager: refs.some((ref) => ref.store === 'secretsmanager'),
    ssm: refs.some((ref) => ref.store === 'ssm'),
  };
}

/**
 * The endpoint combinations the consumer's subnets send their reads through.
 * A subnet that reaches Secrets Manager over NAT sends no `aws:SourceVpce`,
 * so each distinct combination is evaluated on its own.
 */
export function endpointRoutes(paths: readonly SubnetPath[]): RoleCheckOptions[] {
  const bySubnet = new Map<
    string,
    { sm: EndpointContext | null; ssm: EndpointContext | null }
  >();
  for (const path of paths) {
    const entry = bySubnet.get(path.subnetId) ?? { sm: null, ssm: null };
    const endpoint = path.endpoint ?? null;
    if (path.service === 'secretsmanager') entry.sm = endpoint;
    else entry.ssm = endpoint;
    bySubnet.set(path.subnetId, entry);
  }

  const routes = new Map<string, RoleCheckOptions>();
  for (const { sm, ssm } of bySubnet.values()) {
    const key = `${sm?.vpceId ?? '-'}|${ssm?.vpceId ?? '-'}`;
    routes.set(key, { endpoint: sm, ssmEndpoint: ssm });
  }
  return routes.size === 0 ? [{}] : [...routes.values()];
}

/**
 * The refs check already reports a secret outside the snapshot
 * (SecretOutsideSnapshot); the role check's Unverifiable for it says nothing new.
 */
function repeatsRefs(finding: Finding): boolean {
  return (
    finding.code === 'Unverifiable' && finding.evidence.problem === 'secretNotInSnapshot'
  );
}

function unique(findings: Finding[]): Finding[] {
  const seen = new Map<string, Finding>();
  for (const finding of findings) {
    const key = JSON.stringify([
      finding.code,
      finding.resourceArn,
      finding.secretArn,
      finding.message,
      finding.evidence,
    ]);
    if (!seen.has(key)) seen.set(key, finding);
  }
  return [...seen.values()];
}

function networkNotModelled(consumer: Consumer, stores: NetworkStores): Finding[] {
  if (consumer.network !== null || (!stores.secretsmanager && !stores.ssm)) return [];
  const why =
    consumer.kind === 'task'
      ? 'describe-tasks does not report the security groups of a standalone task'
      : 'its tasks do not use awsvpc networking, so they share the instance network';
  return [
    {
      code: 'Unverifiable',
      severity: FINDINGS.Unverifiable.severity,
      resourceArn: consumer.arn,
      secretArn: null,
      message: `The network path of ${consumer.arn} is not checked: ${why}.`,
      evidence: { check: 'network', missing: 'awsvpc placement', reason: why },
    },
  ];
}

/**
 * Runs every drift check on one consumer: the network path from each subnet,
 * the roles (with the endpoint each path goes through, so endpoint policies
 * and `aws:SourceVpce` conditions count), and hygiene.
 */
export function checkConsumer(
  snapshot: Snapshot,
  consumer: Consumer,
  refs: ResolvedReference[],
  policy: Policy,
  context: HygieneContext,
): ConsumerDrift {
  const stores = storesOf(refs);
  const network = checkNetwork(snapshot, consumer, stores, policy);
  const roles = endpointRoutes(network.paths).flatMap((options) =>
    checkRoles(snapshot, consumer, refs, options),
  );

  const findings = unique([
    ...network.findings,
    ...networkNotModelled(consumer, stores),
    ...roles.filter((finding) => !repeatsRefs(finding)),
    ...checkHygiene(snapshot, consumer, refs, context),
  ]);
  return { findings, paths: network.paths };
}
