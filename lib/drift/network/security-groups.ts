import { cidrCovers, isNonPublicCidr } from './cidr.js';
import type { SecurityGroup, SecurityGroupRule } from './ec2.js';

/** The other end of a connection, as a security group rule can name it. */
export type Peer = {
  /** Security groups on the peer's network interfaces. */
  groupIds: string[];
  /** Ranges the peer's address may take; every one must be admitted. */
  cidrs: string[];
};

/** A rule that decided, named for evidence. */
export type DecidingRule = {
  groupId: string;
  direction: 'ingress' | 'egress';
  IpProtocol: string;
  FromPort: number | null;
  ToPort: number | null;
  peer: string;
};

export type SecurityGroupDecision =
  | { result: 'allowed'; rules: DecidingRule[] }
  | { result: 'blocked'; groupIds: string[]; uncovered: string[] }
  /** Only rules the snapshot cannot resolve (prefix lists, public ranges) might admit it. */
  | { result: 'unknown'; groupIds: string[]; rules: DecidingRule[] };

/** True when the rule carries TCP to the port (protocol -1 means every port). */
function carriesTcpPort(rule: SecurityGroupRule, port: number): boolean {
  if (rule.IpProtocol === '-1') return true;
  if (rule.IpProtocol !== 'tcp' && rule.IpProtocol !== '6') return false;
  return (rule.FromPort ?? 0) <= port && port <= (rule.ToPort ?? 65535);
}

function describe(
  group: SecurityGroup,
  direction: 'ingress' | 'egress',
  rule: SecurityGroupRule,
  peer: string,
): DecidingRule {
  return {
    groupId: group.GroupId,
    direction,
    IpProtocol: rule.IpProtocol,
    FromPort: rule.FromPort ?? null,
    ToPort: rule.ToPort ?? null,
    peer,
  };
}

/**
 * Decides whether the union of `groups` lets TCP to `port` pass in the given
 * direction to or from `peer`. Security groups only allow, and are stateful:
 * return traffic needs no rule. A peer is admitted when a rule names one of
 * its groups, or when rules cover every one of its ranges.
 */
export function securityGroupsAllow(
  groups: SecurityGroup[],
  direction: 'ingress' | 'egress',
  peer: Peer,
  port: number,
): SecurityGroupDecision {
  const groupIds = groups.map((group) => group.GroupId);
  const matching = groups.flatMap((group) =>
    (direction === 'ingress' ? group.IpPermissions : group.IpPermissionsEgress)
      .filter((rule) => carriesTcpPort(rule, port))
      .map((rule) => ({ group, rule })),
  );

  for (const { group, rule } of matching) {
    const pair = rule.UserIdGroupPairs.find(
      (entry) => entry.GroupId !== undefined && peer.groupIds.includes(entry.GroupId),
    );
    if (pair?.GroupId !== undefined) {
      return {
        result: 'allowed',
        rules: [describe(group, direction, rule, pair.GroupId)],
      };
    }
  }

  const rules: DecidingRule[] = [];
  const uncovered: string[] = [];
  for (const cidr of peer.cidrs) {
    const hit = matching
      .flatMap(({ group, rule }) =>
        rule.IpRanges.map((range) => ({ group, rule, range })),
      )
      .find(({ range }) => cidrCovers(range.CidrIp, cidr));
    if (hit === undefined) uncovered.push(cidr);
    else rules.push(describe(hit.group, direction, hit.rule, hit.range.CidrIp));
  }
  if (peer.cidrs.length > 0 && uncovered.length === 0)
    return { result: 'allowed', rules };

  const publicGap = uncovered.some((cidr) => !isNonPublicCidr(cidr));
  const unresolved = matching.flatMap(({ group, rule }) => [
    ...rule.PrefixListIds.map((list) =>
      describe(group, direction, rule, list.PrefixListId),
    ),
    ...rule.IpRanges.filter((range) => publicGap && !isNonPublicCidr(range.CidrIp)).map(
      (range) => describe(group, direction, rule, range.CidrIp),
    ),
  ]);
  if (unresolved.length > 0) return { result: 'unknown', groupIds, rules: unresolved };

  return { result: 'blocked', groupIds, uncovered };
}
