import { z } from 'zod';
import type { Snapshot } from '../../snapshot/types.js';

/*
 * The few fields of `aws ec2 describe-*` output the network check reads, as
 * the CLI prints them. Items that lack a field the check needs are dropped,
 * so a partial capture degrades to "not found" rather than a crash.
 */

const SubnetSchema = z.looseObject({
  SubnetId: z.string(),
  VpcId: z.string(),
  CidrBlock: z.string(),
});

const RouteSchema = z.looseObject({
  DestinationCidrBlock: z.string().optional(),
  DestinationPrefixListId: z.string().optional(),
  GatewayId: z.string().optional(),
  NatGatewayId: z.string().optional(),
  TransitGatewayId: z.string().optional(),
  VpcPeeringConnectionId: z.string().optional(),
  NetworkInterfaceId: z.string().optional(),
  InstanceId: z.string().optional(),
  CoreNetworkArn: z.string().optional(),
  State: z.string().optional(),
});

const RouteTableSchema = z.looseObject({
  RouteTableId: z.string(),
  VpcId: z.string(),
  Associations: z
    .array(
      z.looseObject({ Main: z.boolean().optional(), SubnetId: z.string().optional() }),
    )
    .default([]),
  Routes: z.array(RouteSchema).default([]),
});

const SecurityGroupRuleSchema = z.looseObject({
  IpProtocol: z.string(),
  FromPort: z.number().optional(),
  ToPort: z.number().optional(),
  IpRanges: z.array(z.looseObject({ CidrIp: z.string() })).default([]),
  UserIdGroupPairs: z
    .array(z.looseObject({ GroupId: z.string().optional() }))
    .default([]),
  PrefixListIds: z.array(z.looseObject({ PrefixListId: z.string() })).default([]),
});

const SecurityGroupSchema = z.looseObject({
  GroupId: z.string(),
  VpcId: z.string().optional(),
  IpPermissions: z.array(SecurityGroupRuleSchema).default([]),
  IpPermissionsEgress: z.array(SecurityGroupRuleSchema).default([]),
});

const AclEntrySchema = z.looseObject({
  RuleNumber: z.number(),
  Protocol: z.string(),
  RuleAction: z.string(),
  Egress: z.boolean(),
  CidrBlock: z.string().optional(),
  PortRange: z.looseObject({ From: z.number(), To: z.number() }).optional(),
});

const NetworkAclSchema = z.looseObject({
  NetworkAclId: z.string(),
  VpcId: z.string(),
  IsDefault: z.boolean().optional(),
  Associations: z.array(z.looseObject({ SubnetId: z.string().optional() })).default([]),
  Entries: z.array(AclEntrySchema).default([]),
});

const VpcEndpointSchema = z.looseObject({
  VpcEndpointId: z.string(),
  VpcEndpointType: z.string(),
  VpcId: z.string(),
  ServiceName: z.string(),
  State: z.string().optional(),
  PrivateDnsEnabled: z.boolean().optional(),
  SubnetIds: z.array(z.string()).default([]),
  Groups: z.array(z.looseObject({ GroupId: z.string() })).default([]),
  PolicyDocument: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
});

const NatGatewaySchema = z.looseObject({
  NatGatewayId: z.string(),
  State: z.string().optional(),
  SubnetId: z.string().optional(),
});

export type Subnet = z.output<typeof SubnetSchema>;
export type Route = z.output<typeof RouteSchema>;
export type RouteTable = z.output<typeof RouteTableSchema>;
export type SecurityGroupRule = z.output<typeof SecurityGroupRuleSchema>;
export type SecurityGroup = z.output<typeof SecurityGroupSchema>;
export type AclEntry = z.output<typeof AclEntrySchema>;
export type NetworkAcl = z.output<typeof NetworkAclSchema>;
export type VpcEndpoint = z.output<typeof VpcEndpointSchema>;
export type NatGateway = z.output<typeof NatGatewaySchema>;
export type VpcDns = {
  VpcId: string;
  support: boolean | null;
  hostnames: boolean | null;
};

/** The ec2 section as typed lists; a list the snapshot does not hold is null. */
export type Ec2View = {
  subnets: Subnet[] | null;
  routeTables: RouteTable[] | null;
  securityGroups: SecurityGroup[] | null;
  networkAcls: NetworkAcl[] | null;
  vpcEndpoints: VpcEndpoint[] | null;
  natGateways: NatGateway[] | null;
  vpcDns: VpcDns[] | null;
};

function readList<T>(schema: z.ZodType<T>, items: unknown[] | undefined): T[] | null {
  if (items === undefined) return null;
  return items.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Views already read, per ec2 section (snapshots are never mutated). */
const views = new WeakMap<object, Ec2View>();

/**
 * Reads the snapshot's ec2 section into typed lists; null when the section is
 * absent. Read once per section: every consumer of a plan asks for it.
 */
export function readEc2(snapshot: Snapshot): Ec2View | null {
  const ec2 = snapshot.ec2;
  if (ec2 === undefined) return null;
  const cached = views.get(ec2);
  if (cached !== undefined) return cached;

  const view: Ec2View = {
    subnets: readList(SubnetSchema, ec2.Subnets),
    routeTables: readList(RouteTableSchema, ec2.RouteTables),
    securityGroups: readList(SecurityGroupSchema, ec2.SecurityGroups),
    networkAcls: readList(NetworkAclSchema, ec2.NetworkAcls),
    vpcEndpoints: readList(VpcEndpointSchema, ec2.VpcEndpoints),
    natGateways: readList(NatGatewaySchema, ec2.NatGateways),
    vpcDns:
      ec2.VpcAttributes?.map((entry) => ({
        VpcId: entry.VpcId,
        support: entry.EnableDnsSupport?.Value ?? null,
        hostnames: entry.EnableDnsHostnames?.Value ?? null,
      })) ?? null,
  };
  views.set(ec2, view);
  return view;
}
