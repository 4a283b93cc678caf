import { cidrCovers, cidrOverlaps, portsCover, portsOverlap } from './cidr.js';
import type { AclEntry, NetworkAcl, Subnet } from './ec2.js';

/**
 * Client ports a Linux task uses for outbound connections (the kernel's
 * default ip_local_port_range). Return traffic comes back to these, so a
 * network ACL must admit the whole range.
 */
export const EPHEMERAL_PORTS = { from: 32768, to: 60999 } as const;

export const HTTPS_PORT = 443;

/** Traffic crossing a subnet boundary: direction, the far end, destination ports. */
export type AclFlow = {
  egress: boolean;
  cidr: string;
  ports: { from: number; to: number };
};

export type AclDecision = {
  allowed: boolean;
  networkAclId: string;
  /** The entry that decided; null when no entry matched (implicit deny). */
  entry: Pick<
    AclEntry,
    'RuleNumber' | 'RuleAction' | 'Egress' | 'Protocol' | 'CidrBlock' | 'PortRange'
  > | null;
  /** True when the deciding deny covers only part of the flow. */
  partial: boolean;
};

/**
 * The network ACL of a subnet: its explicit association, else the VPC's
 * default ACL.
 */
export function networkAclFor(subnet: Subnet, acls: NetworkAcl[]): NetworkAcl | null {
  const explicit = acls.find((acl) =>
    acl.Associations.some((association) => association.SubnetId === subnet.SubnetId),
  );
  if (explicit !== undefined) return explicit;

  return acls.find((acl) => acl.VpcId === subnet.VpcId && acl.IsDefault === true) ?? null;
}

function entryPorts(entry: AclEntry): { from: number; to: number } | null {
  if (entry.Protocol === '-1') return { from: 0, to: 65535 };
  if (entry.Protocol !== '6' && entry.Protocol !== 'tcp') return null;
  return entry.PortRange === undefined
    ? { from: 0, to: 65535 }
    : { from: entry.PortRange.From, to: entry.PortRange.To };
}

function pick(entry: AclEntry): AclDecision['entry'] {
  const { RuleNumber, RuleAction, Egress, Protocol, CidrBlock, PortRange } = entry;
  return { RuleNumber, RuleAction, Egress, Protocol, CidrBlock, PortRange };
}

/**
 * Decides whether every packet of `flow` passes the ACL. Entries are read in
 * rule-number order and the first match wins. An allow that covers only part
 * of the flow lets that part through and reading continues for the rest; a
 * deny that touches any part of the flow blocks it. Several partial allows
 * that together cover the flow are read as blocked (a safe overstatement).
 */
export function aclAllows(acl: NetworkAcl, flow: AclFlow): AclDecision {
  const entries = acl.Entries.filter(
    (entry) => entry.Egress === flow.egress && entry.CidrBlock !== undefined,
  ).sort((a, b) => a.RuleNumber - b.RuleNumber);

  for (const entry of entries) {
    const ports = entryPorts(entry);
    const cidr = entry.CidrBlock ?? '';
    if (ports === null) continue;
    if (!portsOverlap(ports.from, ports.to, flow.ports.from, flow.ports.to)) continue;
    if (!cidrOverlaps(cidr, flow.cidr)) continue;

    const whole =
      cidrCovers(cidr, flow.cidr) &&
      portsCover(ports.from, ports.to, flow.ports.from, flow.ports.to);
    const allow = entry.RuleAction === 'allow';
    if (allow && !whole) continue;

    return {
      allowed: allow,
      networkAclId: acl.NetworkAclId,
      entry: pick(entry),
      partial: !whole,
    };
  }

  return { allowed: false, networkAclId: acl.NetworkAclId, entry: null, partial: false };
}
