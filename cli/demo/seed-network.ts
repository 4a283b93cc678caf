import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcEndpointCommand,
  type EC2Client,
  ModifyVpcAttributeCommand,
} from '@aws-sdk/client-ec2';

/** Where a demo task runs: its subnet, its security group, and whether it gets a public IP. */
export type Placement = { subnetId: string; securityGroupId: string; publicIp: boolean };

/**
 * The network of the demo fleet, one placement for each path to Secrets
 * Manager. A VPC-wide interface endpoint with private DNS captures the
 * service's hostname in every subnet of its VPC, so the NAT, internet and
 * isolated paths live in a second VPC that has no endpoints.
 */
export type SeededNetwork = {
  vpcIds: { core: string; edge: string };
  placements: {
    /** Private subnet of the core VPC: secretsmanager and ssm interface endpoints. */
    endpoint: Placement;
    /** Private subnet of the edge VPC whose default route goes through a NAT gateway. */
    nat: Placement;
    /** Public subnet of the edge VPC whose default route goes to the internet gateway. */
    public: Placement;
    /** Subnet of the edge VPC with only the local route: no path to AWS APIs. */
    isolated: Placement;
  };
  vpcEndpointIds: { secretsmanager: string; ssm: string };
};

type Options = { region: string; prefix: string };

async function createVpc(ec2: EC2Client, cidr: string): Promise<string> {
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: cidr }));
  const vpcId = vpc.Vpc!.VpcId!;
  // One attribute per call: the API refuses both in one request.
  await ec2.send(
    new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsSupport: { Value: true } }),
  );
  await ec2.send(
    new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }),
  );
  return vpcId;
}

async function createSubnet(
  ec2: EC2Client,
  vpcId: string,
  cidr: string,
  zone: string,
): Promise<string> {
  const created = await ec2.send(
    new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: zone }),
  );
  return created.Subnet!.SubnetId!;
}

/** Gives the subnet a route table of its own, with a default route to `target` if any. */
async function routeSubnet(
  ec2: EC2Client,
  vpcId: string,
  subnetId: string,
  target: { GatewayId?: string; NatGatewayId?: string } | null,
): Promise<void> {
  const table = await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }));
  const routeTableId = table.RouteTable!.RouteTableId!;
  if (target !== null) {
    await ec2.send(
      new CreateRouteCommand({
        RouteTableId: routeTableId,
        DestinationCidrBlock: '0.0.0.0/0',
        ...target,
      }),
    );
  }
  await ec2.send(
    new AssociateRouteTableCommand({ RouteTableId: routeTableId, SubnetId: subnetId }),
  );
}

async function createGroup(
  ec2: EC2Client,
  vpcId: string,
  name: string,
  description: string,
): Promise<string> {
  const created = await ec2.send(
    new CreateSecurityGroupCommand({
      VpcId: vpcId,
      GroupName: name,
      Description: description,
    }),
  );
  return created.GroupId!;
}

/** The core VPC: tasks in a private subnet, interface endpoints for both stores. */
async function seedCore(ec2: EC2Client, options: Options) {
  const vpcId = await createVpc(ec2, '10.40.0.0/16');
  const subnetId = await createSubnet(ec2, vpcId, '10.40.1.0/24', `${options.region}a`);
  await routeSubnet(ec2, vpcId, subnetId, null);

  const task = await createGroup(ec2, vpcId, `${options.prefix}-core-task`, 'Demo tasks');
  const endpointGroup = await createGroup(
    ec2,
    vpcId,
    `${options.prefix}-endpoints`,
    'Interface endpoints',
  );
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: endpointGroup,
      IpPermissions: [
        {
          IpProtocol: 'tcp',
          FromPort: 443,
          ToPort: 443,
          UserIdGroupPairs: [{ GroupId: task }],
        },
      ],
    }),
  );

  const endpoint = async (service: 'secretsmanager' | 'ssm') => {
    const created = await ec2.send(
      new CreateVpcEndpointCommand({
        VpcId: vpcId,
        VpcEndpointType: 'Interface',
        ServiceName: `com.amazonaws.${options.region}.${service}`,
        SubnetIds: [subnetId],
        SecurityGroupIds: [endpointGroup],
        PrivateDnsEnabled: true,
      }),
    );
    return created.VpcEndpoint!.VpcEndpointId!;
  };
  const vpcEndpointIds = {
    secretsmanager: await endpoint('secretsmanager'),
    ssm: await endpoint('ssm'),
  };
  const placement = { subnetId, securityGroupId: task, publicIp: false };
  return { vpcId, placement, vpcEndpointIds };
}

/** The edge VPC: no endpoints; a NAT subnet, a public subnet and an isolated one. */
async function seedEdge(ec2: EC2Client, options: Options) {
  const vpcId = await createVpc(ec2, '10.41.0.0/16');
  const zone = (letter: string) => `${options.region}${letter}`;
  const subnets = {
    nat: await createSubnet(ec2, vpcId, '10.41.2.0/24', zone('b')),
    public: await createSubnet(ec2, vpcId, '10.41.3.0/24', zone('a')),
    isolated: await createSubnet(ec2, vpcId, '10.41.4.0/24', zone('b')),
  };

  const gateway = await ec2.send(new CreateInternetGatewayCommand({}));
  const internetGatewayId = gateway.InternetGateway!.InternetGatewayId!;
  await ec2.send(
    new AttachInternetGatewayCommand({
      InternetGatewayId: internetGatewayId,
      VpcId: vpcId,
    }),
  );
  const address = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  const nat = await ec2.send(
    new CreateNatGatewayCommand({
      SubnetId: subnets.public,
      AllocationId: address.AllocationId!,
    }),
  );
  const natGatewayId = nat.NatGateway!.NatGatewayId!;

  await routeSubnet(ec2, vpcId, subnets.nat, { NatGatewayId: natGatewayId });
  await routeSubnet(ec2, vpcId, subnets.public, { GatewayId: internetGatewayId });
  await routeSubnet(ec2, vpcId, subnets.isolated, null);

  const task = await createGroup(ec2, vpcId, `${options.prefix}-edge-task`, 'Demo tasks');
  const placement = (subnetId: string, publicIp: boolean): Placement => ({
    subnetId,
    securityGroupId: task,
    publicIp,
  });
  return {
    vpcId,
    placements: {
      nat: placement(subnets.nat, false),
      public: placement(subnets.public, true),
      isolated: placement(subnets.isolated, false),
    },
  };
}

/** Creates both VPCs with their subnets, routes, gateways, security groups and endpoints. */
export async function seedNetwork(
  ec2: EC2Client,
  options: Options,
): Promise<SeededNetwork> {
  const core = await seedCore(ec2, options);
  const edge = await seedEdge(ec2, options);
  return {
    vpcIds: { core: core.vpcId, edge: edge.vpcId },
    placements: { endpoint: core.placement, ...edge.placements },
    vpcEndpointIds: core.vpcEndpointIds,
  };
}
