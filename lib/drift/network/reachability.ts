import type { FindingCode } from '../../plan/vocabulary.js';
import { aclAllows, EPHEMERAL_PORTS, HTTPS_PORT, networkAclFor } from './acl.js';
import type { Ec2View, SecurityGroup, Subnet } from './ec2.js';
import { type Peer, securityGroupsAllow } from './security-groups.js';
import type { PathProblem } from './types.js';

/** Security groups by id; ids the snapshot does not hold are returned apart. */
export function lookupGroups(
  groups: SecurityGroup[],
  ids: string[],
): { found: SecurityGroup[]; missing: string[] } {
  const found = groups.filter((group) => ids.includes(group.GroupId));
  const missing = ids.filter((id) => !found.some((group) => group.GroupId === id));
  return { found, missing };
}

/**
 * Checks one security-group hop for TCP 443 and turns a block into the given
 * finding code. An undecidable rule (prefix list, partial public range)
 * becomes Unverifiable.
 */
export function checkGroupHop(
  groups: SecurityGroup[],
  direction: 'ingress' | 'egress',
  peer: Peer,
  code: FindingCode,
  detail: Record<string, unknown>,
): { problems: PathProblem[]; evidence: unknown } {
  const decision = securityGroupsAllow(groups, direction, peer, HTTPS_PORT);
  if (decision.result === 'allowed') return { problems: [], evidence: decision.rules };
  if (decision.result === 'unknown') {
    const reason = `${direction} rules the snapshot cannot resolve`;
    return {
      problems: [
        { code: 'Unverifiable', detail: { ...detail, reason, rules: decision.rules } },
      ],
      evidence: decision,
    };
  }
  return {
    problems: [
      {
        code,
        detail: { ...detail, groupIds: decision.groupIds, uncovered: decision.uncovered },
      },
    ],
    evidence: decision,
  };
}

/**
 * Checks the network ACLs between a task subnet and a far end: the task
 * subnet must let 443 out and the return traffic in; when the far end is
 * another subnet of the VPC, its ACL must let 443 in and the return out.
 * ACLs do not filter traffic that stays inside one subnet.
 */
export function checkAcls(
  view: Ec2View,
  taskSubnet: Subnet,
  far: { subnet: Subnet | null; cidr: string },
): { problems: PathProblem[]; evidence: unknown[] } {
  if (far.subnet?.SubnetId === taskSubnet.SubnetId) return { problems: [], evidence: [] };
  if (view.networkAcls === null) {
    return {
      problems: [
        {
          code: 'Unverifiable',
          detail: { subnetId: taskSubnet.SubnetId, missing: 'ec2.NetworkAcls' },
        },
      ],
      evidence: [],
    };
  }

  const https = { from: HTTPS_PORT, to: HTTPS_PORT };
  const hops = [
    { subnet: taskSubnet, egress: true, cidr: far.cidr, ports: https },
    { subnet: taskSubnet, egress: false, cidr: far.cidr, ports: EPHEMERAL_PORTS },
  ];
  if (far.subnet !== null) {
    const ports = EPHEMERAL_PORTS;
    hops.push(
      { subnet: far.subnet, egress: false, cidr: taskSubnet.CidrBlock, ports: https },
      { subnet: far.subnet, egress: true, cidr: taskSubnet.CidrBlock, ports },
    );
  }

  const problems: PathProblem[] = [];
  const evidence: unknown[] = [];
  for (const hop of hops) {
    const acl = networkAclFor(hop.subnet, view.networkAcls);
    const flow = { egress: hop.egress, cidr: hop.cidr, ports: { ...hop.ports } };
    if (acl === null) {
      const detail = { subnetId: hop.subnet.SubnetId, missing: 'network ACL of subnet' };
      problems.push({ code: 'Unverifiable', detail });
      continue;
    }
    const decision = aclAllows(acl, flow);
    const record = { aclSubnetId: hop.subnet.SubnetId, flow, ...decision };
    evidence.push(record);
    if (!decision.allowed) {
      problems.push({
        code: 'NetworkAclBlocks',
        detail: { subnetId: taskSubnet.SubnetId, ...record },
      });
    }
  }
  return { problems, evidence };
}
