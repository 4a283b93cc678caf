import { describe, expect, it } from 'vitest';
import { aclAllows, EPHEMERAL_PORTS } from '../../../../lib/drift/network/acl.js';
import type { NetworkAcl } from '../../../../lib/drift/network/ec2.js';

type Entry = NetworkAcl['Entries'][number];

const deny = (egress: boolean): Entry => ({
  RuleNumber: 32767,
  Protocol: '-1',
  RuleAction: 'deny',
  Egress: egress,
  CidrBlock: '0.0.0.0/0',
});

function acl(...entries: Entry[]): NetworkAcl {
  return {
    NetworkAclId: 'acl-0test',
    VpcId: 'vpc-0test',
    IsDefault: false,
    Associations: [],
    Entries: [...entries, deny(true), deny(false)],
  };
}

const https = { from: 443, to: 443 };
const tcp = (
  rule: number,
  action: 'allow' | 'deny',
  cidr: string,
  from: number,
  to: number,
  egress = true,
): Entry => ({
  RuleNumber: rule,
  Protocol: '6',
  RuleAction: action,
  Egress: egress,
  CidrBlock: cidr,
  PortRange: { From: from, To: to },
});

describe('acl', () => {
  it.each([
    {
      name: 'allows 443 out when an allow-all entry comes first',
      entries: [{ ...deny(true), RuleNumber: 100, RuleAction: 'allow' }],
      flow: { egress: true, cidr: '10.0.2.0/24', ports: https },
      allowed: true,
      rule: 100,
    },
    {
      name: 'blocks 443 out when a lower-numbered deny precedes the allow',
      entries: [
        tcp(200, 'allow', '0.0.0.0/0', 443, 443),
        tcp(100, 'deny', '10.0.2.0/24', 443, 443),
      ],
      flow: { egress: true, cidr: '10.0.2.0/24', ports: https },
      allowed: false,
      rule: 100,
    },
    {
      name: 'skips a deny for another network and allows',
      entries: [
        tcp(100, 'deny', '10.9.0.0/16', 443, 443),
        tcp(200, 'allow', '0.0.0.0/0', 443, 443),
      ],
      flow: { egress: true, cidr: '10.0.2.0/24', ports: https },
      allowed: true,
      rule: 200,
    },
    {
      name: 'blocks when an allow covers only half of the far subnet',
      entries: [tcp(100, 'allow', '10.0.2.0/25', 443, 443)],
      flow: { egress: true, cidr: '10.0.2.0/24', ports: https },
      allowed: false,
      rule: 32767,
    },
    {
      name: 'blocks the return when inbound ports stop short of the ephemeral range',
      entries: [tcp(100, 'allow', '0.0.0.0/0', 1024, 32767, false)],
      flow: { egress: false, cidr: '0.0.0.0/0', ports: { ...EPHEMERAL_PORTS } },
      allowed: false,
      rule: 32767,
    },
    {
      name: 'allows the return when inbound ports cover 1024-65535',
      entries: [tcp(100, 'allow', '0.0.0.0/0', 1024, 65535, false)],
      flow: { egress: false, cidr: '0.0.0.0/0', ports: { ...EPHEMERAL_PORTS } },
      allowed: true,
      rule: 100,
    },
    {
      name: 'ignores UDP entries for TCP traffic',
      entries: [{ ...tcp(100, 'allow', '0.0.0.0/0', 443, 443), Protocol: '17' }],
      flow: { egress: true, cidr: '10.0.2.0/24', ports: https },
      allowed: false,
      rule: 32767,
    },
  ])('$name', ({ entries, flow, allowed, rule }) => {
    const decision = aclAllows(acl(...entries), flow);

    expect(decision.allowed).toBe(allowed);
    expect(decision.entry?.RuleNumber).toBe(rule);
  });
});
