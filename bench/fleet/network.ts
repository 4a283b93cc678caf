import type { FleetContext } from './context.js';

/** How tasks in a VPC's private subnets reach Secrets Manager. */
type VpcKind = 'endpoint' | 'nat' | 'isolated';

/** Mostly private endpoints, some NAT, now and then a VPC with no way out. */
const KINDS: readonly VpcKind[] = [
  'endpoint',
  'nat',
  'endpoint',
  'endpoint',
  'nat',
  'endpoint',
  'nat',
  'endpoint',
  'endpoint',
  'isolated',
];

/** Where a service's tasks can be placed: private subnets and task security groups. */
export type Placement = { vpcId: string; subnets: string[]; securityGroups: string[] };

export type Network = { ec2: Record<string, unknown[]>; placements: Placement[] };

type Section = Record<
  | 'Vpcs'
  | 'Subnets'
  | 'RouteTables'
  | 'SecurityGroups'
  | 'VpcEndpoints'
  | 'NetworkAcls'
  | 'NatGateways'
  | 'InternetGateways'
  | 'VpcAttributes',
  Record<string, unknown>[]
>;

const ALL_TRAFFIC = [
  {
    IpProtocol: '-1',
    IpRanges: [{ CidrIp: '0.0.0.0/0' }],
    Ipv6Ranges: [],
    PrefixListIds: [],
    UserIdGroupPairs: [],
  },
];

function tcp(port: number, cidr: string): Record<string, unknown> {
  return {
    IpProtocol: 'tcp',
    FromPort: port,
    ToPort: port,
    IpRanges: [{ CidrIp: cidr }],
    Ipv6Ranges: [],
    PrefixListIds: [],
    UserIdGroupPairs: [],
  };
}

/**
 * The ec2 section: `vpcs` VPCs of three private subnets each, one task
 * security group per `servicesPerGroup` services, and per VPC kind an
 * interface endpoint, a NAT gateway, or nothing. One task group in twenty
 * lets only database traffic out, so some consumers cannot reach 443.
 */
export function generateNetwork(
  context: FleetContext,
  vpcs: number,
  taskGroups: number,
): Network {
  const { random, account, region } = context;
  const section: Section = {
    Vpcs: [],
    Subnets: [],
    RouteTables: [],
    SecurityGroups: [],
    VpcEndpoints: [],
    NetworkAcls: [],
    NatGateways: [],
    InternetGateways: [],
    VpcAttributes: [],
  };
  const placements: Placement[] = [];
  const groupsPerVpc = Math.max(1, Math.ceil(taskGroups / vpcs));

  for (let v = 0; v < vpcs; v++) {
    const kind = KINDS[v % KINDS.length] ?? 'endpoint';
    const vpcId = `vpc-${random.hex(17)}`;
    const cidr = `10.${v % 256}.0.0/16`;
    const prefix = `10.${v % 256}`;
    section.Vpcs.push({
      VpcId: vpcId,
      CidrBlock: cidr,
      State: 'available',
      OwnerId: account,
    });
    section.VpcAttributes.push({
      VpcId: vpcId,
      EnableDnsSupport: { Value: true },
      EnableDnsHostnames: { Value: true },
    });

    const subnets = [0, 1, 2].map((az) => {
      const subnetId = `subnet-${random.hex(17)}`;
      section.Subnets.push({
        SubnetId: subnetId,
        VpcId: vpcId,
        CidrBlock: `${prefix}.${10 + az}.0/24`,
        AvailabilityZone: `${region}${'abc'[az]}`,
        MapPublicIpOnLaunch: false,
        State: 'available',
      });
      return subnetId;
    });

    const routes: Record<string, unknown>[] = [
      { DestinationCidrBlock: cidr, GatewayId: 'local', State: 'active' },
    ];
    if (kind === 'nat') {
      const publicSubnet = `subnet-${random.hex(17)}`;
      const igw = `igw-${random.hex(17)}`;
      const nat = `nat-${random.hex(17)}`;
      section.Subnets.push({
        SubnetId: publicSubnet,
        VpcId: vpcId,
        CidrBlock: `${prefix}.0.0/24`,
        MapPublicIpOnLaunch: true,
        State: 'available',
      });
      section.InternetGateways.push({
        InternetGatewayId: igw,
        Attachments: [{ State: 'available', VpcId: vpcId }],
      });
      section.NatGateways.push({
        NatGatewayId: nat,
        SubnetId: publicSubnet,
        VpcId: vpcId,
        State: 'available',
        ConnectivityType: 'public',
      });
      section.RouteTables.push({
        RouteTableId: `rtb-${random.hex(17)}`,
        VpcId: vpcId,
        Associations: [{ SubnetId: publicSubnet, Main: false }],
        Routes: [...routes, { DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw }],
      });
      routes.push({
        DestinationCidrBlock: '0.0.0.0/0',
        NatGatewayId: nat,
        State: 'active',
      });
    }
    section.RouteTables.push({
      RouteTableId: `rtb-${random.hex(17)}`,
      VpcId: vpcId,
      Associations: [
        { Main: true },
        ...subnets.map((SubnetId) => ({ SubnetId, Main: false })),
      ],
      Routes: routes,
    });
    section.NetworkAcls.push({
      NetworkAclId: `acl-${random.hex(17)}`,
      VpcId: vpcId,
      IsDefault: true,
      Associations: subnets.map((SubnetId) => ({ SubnetId })),
      Entries: [true, false].map((Egress) => ({
        CidrBlock: '0.0.0.0/0',
        Egress,
        Protocol: '-1',
        RuleAction: 'allow',
        RuleNumber: 100,
      })),
    });

    if (kind === 'endpoint') {
      const endpointGroup = `sg-${random.hex(17)}`;
      section.SecurityGroups.push({
        GroupId: endpointGroup,
        GroupName: `endpoints-${v}`,
        VpcId: vpcId,
        IpPermissions: [tcp(443, cidr)],
        IpPermissionsEgress: ALL_TRAFFIC,
      });
      for (const service of ['secretsmanager', 'ssm']) {
        section.VpcEndpoints.push({
          VpcEndpointId: `vpce-${random.hex(17)}`,
          VpcEndpointType: 'Interface',
          VpcId: vpcId,
          ServiceName: `com.amazonaws.${region}.${service}`,
          State: 'available',
          PrivateDnsEnabled: true,
          SubnetIds: subnets,
          Groups: [{ GroupId: endpointGroup, GroupName: `endpoints-${v}` }],
          PolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: '*',
                Action: '*',
                Resource: '*',
                Condition: { StringEquals: { 'aws:PrincipalAccount': account } },
              },
            ],
          }),
        });
      }
    }

    for (let g = 0; g < groupsPerVpc; g++) {
      const groupId = `sg-${random.hex(17)}`;
      const databaseOnly = random.chance(0.05);
      section.SecurityGroups.push({
        GroupId: groupId,
        GroupName: `tasks-${v}-${g}`,
        VpcId: vpcId,
        IpPermissions: [tcp(8080, cidr)],
        IpPermissionsEgress: databaseOnly ? [tcp(5432, cidr)] : ALL_TRAFFIC,
      });
      placements.push({ vpcId, subnets, securityGroups: [groupId] });
    }
  }
  return { ec2: section, placements };
}
