import { describe, expect, it } from 'vitest';
import type { SecurityGroup } from '../../../../lib/drift/network/ec2.js';
import { securityGroupsAllow } from '../../../../lib/drift/network/security-groups.js';

type Rule = SecurityGroup['IpPermissions'][number];

function rule(partial: Partial<Rule>): Rule {
  return {
    IpProtocol: 'tcp',
    FromPort: 443,
    ToPort: 443,
    IpRanges: [],
    UserIdGroupPairs: [],
    PrefixListIds: [],
    ...partial,
  };
}

function group(id: string, egress: Rule[]): SecurityGroup {
  return { GroupId: id, IpPermissions: [], IpPermissionsEgress: egress };
}

const toEndpoint = { groupIds: ['sg-0endpoint'], cidrs: ['10.0.1.0/24', '10.0.2.0/24'] };
const toInternet = { groupIds: [], cidrs: ['0.0.0.0/0'] };

describe('security-groups', () => {
  it.each([
    {
      name: 'allows when an all-traffic rule covers every far range',
      rules: [
        rule({
          IpProtocol: '-1',
          FromPort: undefined,
          ToPort: undefined,
          IpRanges: [{ CidrIp: '0.0.0.0/0' }],
        }),
      ],
      peer: toEndpoint,
      result: 'allowed',
    },
    {
      name: 'allows when a rule names the far security group',
      rules: [rule({ UserIdGroupPairs: [{ GroupId: 'sg-0endpoint' }] })],
      peer: toEndpoint,
      result: 'allowed',
    },
    {
      name: 'allows when two rules together cover both endpoint subnets',
      rules: [
        rule({ IpRanges: [{ CidrIp: '10.0.1.0/24' }] }),
        rule({ IpRanges: [{ CidrIp: '10.0.2.0/24' }] }),
      ],
      peer: toEndpoint,
      result: 'allowed',
    },
    {
      name: 'blocks when one endpoint subnet is left uncovered',
      rules: [rule({ IpRanges: [{ CidrIp: '10.0.1.0/24' }] })],
      peer: toEndpoint,
      result: 'blocked',
    },
    {
      name: 'blocks when the port range stops below 443',
      rules: [rule({ FromPort: 80, ToPort: 442, IpRanges: [{ CidrIp: '0.0.0.0/0' }] })],
      peer: toEndpoint,
      result: 'blocked',
    },
    {
      name: 'blocks the internet when egress stays in private ranges',
      rules: [rule({ IpRanges: [{ CidrIp: '10.0.0.0/8' }] })],
      peer: toInternet,
      result: 'blocked',
    },
    {
      name: 'cannot decide the internet when egress names a narrower public range',
      rules: [rule({ IpRanges: [{ CidrIp: '52.94.0.0/16' }] })],
      peer: toInternet,
      result: 'unknown',
    },
    {
      name: 'cannot decide when egress names a prefix list',
      rules: [rule({ PrefixListIds: [{ PrefixListId: 'pl-0corp' }] })],
      peer: toEndpoint,
      result: 'unknown',
    },
  ])('$name', ({ rules, peer, result }) => {
    const decision = securityGroupsAllow([group('sg-0task', rules)], 'egress', peer, 443);

    expect(decision.result).toBe(result);
  });
});
