import type { AwsVpcPlacement } from '../types.js';
import type { Ec2View, Subnet } from './ec2.js';
import {
  endpointCapture,
  endpointServiceName,
  evaluateEndpointPath,
  findEndpoint,
} from './endpoint.js';
import { checkAcls, checkGroupHop, lookupGroups } from './reachability.js';
import { followDefaultRoute, routeTarget } from './routes.js';
import type { NetworkService, PathProblem, SubnetOutcome } from './types.js';

export type PathInput = {
  region: string;
  placement: AwsVpcPlacement;
  subnetId: string;
  service: NetworkService;
};

const ANYWHERE = '0.0.0.0/0';

function unverifiable(
  input: PathInput,
  missing: string,
  problems: PathProblem[] = [],
  evidence: Record<string, unknown> = {},
): SubnetOutcome {
  const { subnetId, service } = input;
  return {
    path: { subnetId, service, kind: 'unverifiable', evidence: { ...evidence, missing } },
    problems: [...problems, { code: 'Unverifiable', detail: { subnetId, missing } }],
  };
}

/**
 * How a new task in one subnet reaches one service endpoint, and what is
 * wrong with that path. An interface endpoint whose private DNS captures the
 * default hostname decides the path; otherwise the subnet's route table does.
 */
export function evaluateSubnetPath(
  view: Ec2View | null,
  input: PathInput,
): SubnetOutcome {
  if (view === null) return unverifiable(input, 'ec2 section');
  if (view.subnets === null) return unverifiable(input, 'ec2.Subnets');
  const subnet = view.subnets.find((candidate) => candidate.SubnetId === input.subnetId);
  if (subnet === undefined) {
    return unverifiable(input, `subnet ${input.subnetId} not in ec2.Subnets`);
  }
  if (view.vpcEndpoints === null) return unverifiable(input, 'ec2.VpcEndpoints');

  const serviceName = endpointServiceName(input.region, input.service);
  const endpoint = findEndpoint(view.vpcEndpoints, subnet.VpcId, serviceName);
  if (endpoint === null) return evaluateRoutePath(view, subnet, input, [], {});

  const capture = endpointCapture(endpoint, view.vpcDns);
  if (capture.status === 'unverifiable') return unverifiable(input, capture.missing);
  if (capture.status === 'captured') {
    return evaluateEndpointPath(view, subnet, endpoint, input.placement, input.service);
  }

  const problems = capture.problem === null ? [] : [capture.problem];
  return evaluateRoutePath(view, subnet, input, problems, {
    bypassedEndpoint: capture.note,
  });
}

/** Follows the route table when no endpoint captures the hostname. */
function evaluateRoutePath(
  view: Ec2View,
  subnet: Subnet,
  input: PathInput,
  problems: PathProblem[],
  evidence: Record<string, unknown>,
): SubnetOutcome {
  const { subnetId, service } = input;
  if (view.routeTables === null) {
    return unverifiable(input, 'ec2.RouteTables', problems, evidence);
  }

  const outcome = followDefaultRoute(
    subnet,
    view.routeTables,
    view.natGateways,
    input.placement.assignPublicIp,
  );
  if (outcome.kind === 'unverifiable') {
    const detail = { routeTableId: outcome.routeTableId, reason: outcome.reason };
    return unverifiable(input, outcome.reason, problems, { ...evidence, ...detail });
  }

  const route = outcome.route === null ? null : describeRoute(outcome.route);
  const routing = { routeTableId: outcome.routeTableId, route };
  if (outcome.kind === 'none') {
    const detail = { subnetId, ...routing, reason: outcome.reason };
    return {
      path: { subnetId, service, kind: 'none', evidence: { ...evidence, ...detail } },
      problems: [...problems, { code: 'NoNetworkPath', detail }],
    };
  }

  const publicPath = { subnetId, ...routing, via: outcome.kind };
  const hops = checkPublicHops(view, subnet, input.placement);
  return {
    path: {
      subnetId,
      service,
      kind: outcome.kind,
      evidence: { ...evidence, ...routing, ...hops.evidence },
    },
    problems: [
      ...problems,
      { code: 'PublicNetworkPath', detail: publicPath },
      ...hops.problems,
    ],
  };
}

function describeRoute(route: { DestinationCidrBlock?: string; State?: string }) {
  const target = routeTarget(route);
  return {
    destination: route.DestinationCidrBlock ?? null,
    target,
    state: route.State ?? null,
  };
}

/** Task security groups and the task subnet's ACL on the way out to the internet. */
function checkPublicHops(view: Ec2View, subnet: Subnet, placement: AwsVpcPlacement) {
  const subnetId = subnet.SubnetId;
  const problems: PathProblem[] = [];
  const evidence: Record<string, unknown> = {};

  if (view.securityGroups === null) {
    problems.push({
      code: 'Unverifiable',
      detail: { subnetId, missing: 'ec2.SecurityGroups' },
    });
  } else {
    const task = lookupGroups(view.securityGroups, placement.securityGroups);
    if (task.missing.length > 0) {
      problems.push({
        code: 'Unverifiable',
        detail: { subnetId, missingGroups: task.missing },
      });
    } else {
      const egress = checkGroupHop(
        task.found,
        'egress',
        { groupIds: [], cidrs: [ANYWHERE] },
        'TaskSecurityGroupBlocks',
        { subnetId },
      );
      problems.push(...egress.problems);
      evidence.taskEgress = egress.evidence;
    }
  }

  const acls = checkAcls(view, subnet, { subnet: null, cidr: ANYWHERE });
  problems.push(...acls.problems);
  evidence.networkAcls = acls.evidence;
  return { problems, evidence };
}
