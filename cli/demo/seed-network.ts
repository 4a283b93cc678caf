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

/** The network of the demo fleet: one VPC with a subnet for each path to Secrets Manager. */
export type SeededNetwork = {
  vpcId: string;
  subnets: {
    /** Private subnet served by a secretsmanager interface endpoint. */
    endpoint: string;
    /** Private subnet whose default route goes through a NAT gateway. */
    nat: string;
    /** Public subnet whose default route goes to the internet gateway. */
    public: string;
    /** Private subnet with only the local route: no path to Secrets Manager. */
    isolated: string;
  };
  securityGroups: {
    /** Tasks: the default egress rule (all traffic out). */
    task: string;
    /** The interface endpoint: HTTPS in from the task group. */
    endpoint: string;
  };
  internetGatewayId: string;
  natGatewayId: string;
  vpcEndpointId: string;
};

const VPC_CIDR = '10.40.0.0/16';

/** Creates the VPC, its four subnets, routes, security groups and the endpoint. */
export async function seedNetwork(
  ec2: EC2Client,
  options: { region: string; prefix: string },
): Promise<SeededNetwork> {
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: VPC_CIDR }));
  const vpcId = vpc.Vpc!.VpcId!;
  // One attribute per call: the API refuses both in one request.
  await ec2.send(
    new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsSupport: { Value: true } }),
  );
  await ec2.send(
    new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }),
  );

  const subnet = async (cidr: string, zone: string): Promise<string> => {
    const created = await ec2.send(
      new CreateSubnetCommand({
        VpcId: vpcId,
        CidrBlock: cidr,
        AvailabilityZone: `${options.region}${zone}`,
      }),
    );
    return created.Subnet!.SubnetId!;
  };
  const subnets = {
    endpoint: await subnet('10.40.1.0/24', 'a'),
    nat: await subnet('10.40.2.0/24', 'b'),
    public: await subnet('10.40.3.0/24', 'a'),
    isolated: await subnet('10.40.4.0/24', 'b'),
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

  const routeTable = async (
    subnetId: string,
    target: { GatewayId?: string; NatGatewayId?: string } | null,
  ): Promise<void> => {
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
  };
  await routeTable(subnets.endpoint, null);
  await routeTable(subnets.nat, { NatGatewayId: natGatewayId });
  await routeTable(subnets.public, { GatewayId: internetGatewayId });
  await routeTable(subnets.isolated, null);

  const group = async (name: string, description: string): Promise<string> => {
    const created = await ec2.send(
      new CreateSecurityGroupCommand({
        VpcId: vpcId,
        GroupName: `${options.prefix}-${name}`,
        Description: description,
      }),
    );
    return created.GroupId!;
  };
  const securityGroups = {
    task: await group('task', 'Demo tasks'),
    endpoint: await group('endpoint', 'Secrets Manager endpoint'),
  };
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: securityGroups.endpoint,
      IpPermissions: [
        {
          IpProtocol: 'tcp',
          FromPort: 443,
          ToPort: 443,
          UserIdGroupPairs: [{ GroupId: securityGroups.task }],
        },
      ],
    }),
  );

  const endpoint = await ec2.send(
    new CreateVpcEndpointCommand({
      VpcId: vpcId,
      VpcEndpointType: 'Interface',
      ServiceName: `com.amazonaws.${options.region}.secretsmanager`,
      SubnetIds: [subnets.endpoint],
      SecurityGroupIds: [securityGroups.endpoint],
      PrivateDnsEnabled: true,
    }),
  );

  return {
    vpcId,
    subnets,
    securityGroups,
    internetGatewayId,
    natGatewayId,
    vpcEndpointId: endpoint.VpcEndpoint!.VpcEndpointId!,
  };
}
