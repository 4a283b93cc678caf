import type { AwsVpcPlacement } from '../types.js';
import type { Ec2View, Subnet, VpcDns, VpcEndpoint } from './ec2.js';
import { checkAcls, checkGroupHop, lookupGroups } from './reachability.js';
import type { NetworkService, PathProblem, SubnetOutcome } from './types.js';

/** The endpoint service name of an AWS service in a region (China regions carry a `cn.` prefix). */
export function endpointServiceName(region: string, service: NetworkService): string {
  const prefix = region.startsWith('cn-') ? 'cn.' : '';
  return `${prefix}com.amazonaws.${region}.${service}`;
}

/** The default public hostname the ECS agent calls for a service in a region. */
export function serviceHost(region: string, service: NetworkService): string {
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `${service}.${region}.${suffix}`;
}

function isAvailable(endpoint: VpcEndpoint): boolean {
  return endpoint.State?.toLowerCase() === 'available';
}

/**
 * The interface endpoint for a service in a VPC. Only one endpoint per
 * service and VPC can hold private DNS, so that one is preferred.
 */
export function findEndpoint(
  endpoints: VpcEndpoint[],
  vpcId: string,
  serviceName: string,
): VpcEndpoint | null {
  const candidates = endpoints.filter(
    (endpoint) =>
      endpoint.VpcId === vpcId &&
      endpoint.VpcEndpointType.toLowerCase() === 'interface' &&
      endpoint.ServiceName === serviceName,
  );
  const rank = (endpoint: VpcEndpoint) =>
    (isAvailable(endpoint) ? 2 : 0) + (endpoint.PrivateDnsEnabled === true ? 1 : 0);
  return candidates.sort((a, b) => rank(b) - rank(a))[0] ?? null;
}

export type Capture =
  | { status: 'captured' }
  /** The default hostname resolves publicly; the task falls back to its route table. */
  | { status: 'bypassed'; problem: PathProblem | null; note: Record<string, unknown> }
  | { status: 'unverifiable'; missing: string };

/**
 * Whether the endpoint's private DNS captures the service's default hostname:
 * the endpoint is available with private DNS on, and the VPC has DNS support
 * and DNS hostnames on.
 */
export function endpointCapture(endpoint: VpcEndpoint, vpcDns: VpcDns[] | null): Capture {
  const vpceId = endpoint.VpcEndpointId;
  if (!isAvailable(endpoint)) {
    return { status: 'bypassed', problem: null, note: { vpceId, state: endpoint.State } };
  }
  if (endpoint.PrivateDnsEnabled !== true) {
    const detail = { vpceId, privateDnsEnabled: endpoint.PrivateDnsEnabled ?? null };
    return {
      status: 'bypassed',
      problem: { code: 'EndpointPrivateDnsDisabled', detail },
      note: detail,
    };
  }

  const dns = vpcDns?.find((entry) => entry.VpcId === endpoint.VpcId);
  if (dns === undefined || dns.support === null || dns.hostnames === null) {
    return { status: 'unverifiable', missing: `ec2.VpcAttributes for ${endpoint.VpcId}` };
  }
  if (!dns.support || !dns.hostnames) {
    const detail = {
      vpceId,
      vpcId: endpoint.VpcId,
      enableDnsSupport: dns.support,
      enableDnsHostnames: dns.hostnames,
    };
    return {
      status: 'bypassed',
      problem: { code: 'VpcDnsDisabled', detail },
      note: detail,
    };
  }
  return { status: 'captured' };
}

/**
 * Evaluates a path that private DNS sends through an interface endpoint.
 * Traffic does not fall back from here: a security group or ACL that drops
 * it fails the task start.
 */
export function evaluateEndpointPath(
  view: Ec2View,
  subnet: Subnet,
  endpoint: VpcEndpoint,
  placement: AwsVpcPlacement,
  service: NetworkService,
): SubnetOutcome {
  const subnetId = subnet.SubnetId;
  const vpceId = endpoint.VpcEndpointId;
  const problems: PathProblem[] = [];
  const evidence: Record<string, unknown> = { vpceId, privateDnsEnabled: true };
  const endpointSubnets = (view.subnets ?? []).filter((candidate) =>
    endpoint.SubnetIds.includes(candidate.SubnetId),
  );

  if (view.securityGroups === null) {
    problems.push({
      code: 'Unverifiable',
      detail: { subnetId, missing: 'ec2.SecurityGroups' },
    });
  } else {
    const task = lookupGroups(view.securityGroups, placement.securityGroups);
    const ends = lookupGroups(
      view.securityGroups,
      endpoint.Groups.map((group) => group.GroupId),
    );
    const missing = [...task.missing, ...ends.missing];
    if (missing.length > 0 || endpointSubnets.length === 0) {
      const detail = {
        subnetId,
        missingGroups: missing,
        endpointSubnets: endpoint.SubnetIds,
      };
      problems.push({ code: 'Unverifiable', detail });
    } else {
      const detail = { subnetId, vpceId };
      const ingress = checkGroupHop(
        ends.found,
        'ingress',
        { groupIds: placement.securityGroups, cidrs: [subnet.CidrBlock] },
        'EndpointSecurityGroupBlocks',
        detail,
      );
      const egress = checkGroupHop(
        task.found,
        'egress',
        {
          groupIds: endpoint.Groups.map((group) => group.GroupId),
          cidrs: endpointSubnets.map((candidate) => candidate.CidrBlock),
        },
        'TaskSecurityGroupBlocks',
        detail,
      );
      problems.push(...ingress.problems, ...egress.problems);
      evidence.endpointIngress = ingress.evidence;
      evidence.taskEgress = egress.evidence;
    }
  }

  const acls = endpointSubnets.map((far) =>
    checkAcls(view, subnet, { subnet: far, cidr: far.CidrBlock }),
  );
  problems.push(...acls.flatMap((result) => result.problems));
  evidence.networkAcls = acls.flatMap((result) => result.evidence);

  return {
    path: {
      subnetId,
      service,
      kind: 'endpoint',
      endpointId: vpceId,
      endpoint: {
        vpceId,
        vpcId: endpoint.VpcId,
        policy: endpoint.PolicyDocument ?? null,
      },
      evidence,
    },
    problems,
  };
}
