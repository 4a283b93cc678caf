import type { Policy } from '../../decide/policy.js';
import type { Finding } from '../../plan/types.js';
import { FINDINGS, type FindingCode, type Severity } from '../../plan/vocabulary.js';
import type { Snapshot } from '../../snapshot/types.js';
import type { Consumer } from '../types.js';
import { readEc2 } from './ec2.js';
import { serviceHost } from './endpoint.js';
import { evaluateSubnetPath } from './path.js';
import type {
  EndpointContext,
  NetworkCheck,
  NetworkService,
  PathProblem,
  SubnetPath,
} from './types.js';

/** Which services a consumer's references make ECS call. */
export type NetworkStores = { secretsmanager: boolean; ssm: boolean };

const MESSAGES: Partial<Record<FindingCode, string>> = {
  NoNetworkPath: 'has no network path to',
  EndpointPrivateDnsDisabled: 'bypasses an interface endpoint with private DNS off for',
  VpcDnsDisabled: 'bypasses an interface endpoint (VPC DNS off) for',
  EndpointSecurityGroupBlocks: 'is refused by the endpoint security groups of',
  TaskSecurityGroupBlocks: 'cannot send TCP 443 out through its security groups to',
  NetworkAclBlocks: 'is dropped by a network ACL on the way to',
  Unverifiable: 'cannot be checked, for lack of snapshot data, on its path to',
};

/**
 * Checks, per subnet of an awsvpc consumer, how new tasks would reach
 * Secrets Manager (and SSM when the consumer has SSM references). Findings
 * are grouped: one per code and service endpoint, with the subnets in
 * evidence. A consumer without awsvpc networking yields nothing.
 */
export function checkNetwork(
  snapshot: Snapshot,
  consumer: Consumer,
  stores: NetworkStores,
  policy: Policy,
): NetworkCheck {
  const placement = consumer.network;
  if (placement === null) return { findings: [], paths: [] };

  const view = readEc2(snapshot);
  const services = (['secretsmanager', 'ssm'] as const).filter(
    (service) => stores[service],
  );
  const paths: SubnetPath[] = [];
  const findings: Finding[] = [];

  for (const service of services) {
    const outcomes = placement.subnets.map((subnetId) =>
      evaluateSubnetPath(view, { region: snapshot.region, placement, subnetId, service }),
    );
    paths.push(...outcomes.map((outcome) => outcome.path));
    const host = serviceHost(snapshot.region, service);
    const problems = outcomes.flatMap((outcome) => outcome.problems);
    findings.push(...groupProblems(consumer, service, host, problems, policy));
  }
  return { findings, paths };
}

function severityOf(code: FindingCode, policy: Policy): Severity {
  if (code === 'PublicNetworkPath' && policy.requirePrivatePath) return 'high';
  return FINDINGS[code].severity;
}

function groupProblems(
  consumer: Consumer,
  service: NetworkService,
  host: string,
  problems: PathProblem[],
  policy: Policy,
): Finding[] {
  const byCode = new Map<FindingCode, Record<string, unknown>[]>();
  for (const problem of problems) {
    byCode.set(problem.code, [...(byCode.get(problem.code) ?? []), problem.detail]);
  }

  return [...byCode].map(([code, details]) => {
    const subnets = [...new Set(details.map((detail) => String(detail.subnetId)))];
    const who = `${consumer.kind === 'service' ? 'Service' : 'Task'} ${consumer.arn}`;
    const from = `from ${subnets.join(', ')}`;
    const message =
      code === 'PublicNetworkPath'
        ? `${who} reaches ${host} ${publicRoute(details)} ${from}.`
        : `${who} ${MESSAGES[code] ?? 'has a network finding for'} ${host} ${from}.`;
    return {
      code,
      severity: severityOf(code, policy),
      resourceArn: consumer.arn,
      secretArn: null,
      message,
      evidence: { service, host, subnets, details },
    };
  });
}

/** Says which public path the subnets take: NAT, an internet gateway, or both. */
function publicRoute(details: Record<string, unknown>[]): string {
  const via = new Set(details.map((detail) => detail.via));
  if (via.has('nat') && via.has('internet')) return 'over NAT or an internet gateway';
  return via.has('nat') ? 'through a NAT gateway' : 'through an internet gateway';
}

/**
 * The interface endpoints the consumer's secret reads pass through, for the
 * endpoint-policy evaluation of the role checks.
 */
export function endpointsOnPath(paths: SubnetPath[]): EndpointContext[] {
  const seen = new Map<string, EndpointContext>();
  for (const path of paths) {
    if (path.endpoint !== undefined) seen.set(path.endpoint.vpceId, path.endpoint);
  }
  return [...seen.values()];
}
