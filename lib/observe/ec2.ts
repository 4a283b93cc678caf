import {
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  type EC2Client,
  type Filter,
  paginateDescribeInternetGateways,
  paginateDescribeNatGateways,
  paginateDescribeNetworkAcls,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVpcEndpoints,
  paginateDescribeVpcs,
} from '@aws-sdk/client-ec2';
import type { SnapshotInput } from '../snapshot/types.js';
import { batches } from './batches.js';
import { cliJson } from './cli-json.js';

type Ec2Section = NonNullable<SnapshotInput['ec2']>;
type Item = Record<string, unknown>;

/** DescribeSubnets accepts up to 200 ids per filter value list; stay well below. */
const SUBNETS_PER_CALL = 100;

/**
 * The network of every VPC that holds one of the subnets: subnets, route
 * tables, security groups, endpoints, ACLs, gateways and DNS attributes.
 */
export async function readNetwork(
  ec2: EC2Client,
  subnetIds: Iterable<string>,
): Promise<Ec2Section> {
  const vpcIds = new Set<string>();
  for (const batch of batches([...new Set(subnetIds)], SUBNETS_PER_CALL)) {
    const output = await ec2.send(
      new DescribeSubnetsCommand({ Filters: [{ Name: 'subnet-id', Values: batch }] }),
    );
    for (const subnet of output.Subnets ?? []) {
      if (subnet.VpcId) vpcIds.add(subnet.VpcId);
    }
  }
  if (vpcIds.size === 0) {
    return emptySection();
  }

  const Values = [...vpcIds];
  const inVpcs: Filter[] = [{ Name: 'vpc-id', Values }];
  const client = { client: ec2 };
  const section: Ec2Section = {
    Vpcs: await collect(paginateDescribeVpcs(client, { VpcIds: Values }), 'Vpcs'),
    Subnets: await collect(
      paginateDescribeSubnets(client, { Filters: inVpcs }),
      'Subnets',
    ),
    RouteTables: await collect(
      paginateDescribeRouteTables(client, { Filters: inVpcs }),
      'RouteTables',
    ),
    SecurityGroups: await collect(
      paginateDescribeSecurityGroups(client, { Filters: inVpcs }),
      'SecurityGroups',
    ),
    VpcEndpoints: await collect(
      paginateDescribeVpcEndpoints(client, { Filters: inVpcs }),
      'VpcEndpoints',
    ),
    NetworkAcls: await collect(
      paginateDescribeNetworkAcls(client, { Filters: inVpcs }),
      'NetworkAcls',
    ),
    NatGateways: await collect(
      paginateDescribeNatGateways(client, { Filter: inVpcs }),
      'NatGateways',
    ),
    InternetGateways: await collect(
      paginateDescribeInternetGateways(client, {
        Filters: [{ Name: 'attachment.vpc-id', Values }],
      }),
      'InternetGateways',
    ),
    VpcAttributes: [],
  };

  for (const VpcId of Values) {
    const support = await ec2.send(
      new DescribeVpcAttributeCommand({ VpcId, Attribute: 'enableDnsSupport' }),
    );
    const hostnames = await ec2.send(
      new DescribeVpcAttributeCommand({ VpcId, Attribute: 'enableDnsHostnames' }),
    );
    section.VpcAttributes?.push({
      VpcId,
      EnableDnsSupport: { Value: support.EnableDnsSupport?.Value ?? false },
      EnableDnsHostnames: { Value: hostnames.EnableDnsHostnames?.Value ?? false },
    });
  }
  return section;
}

async function collect<K extends string>(
  pages: AsyncIterable<Partial<Record<K, unknown[]>>>,
  key: K,
): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of pages) {
    for (const item of page[key] ?? []) {
      items.push(cliJson(item) as Item);
    }
  }
  return items;
}

function emptySection(): Ec2Section {
  return {
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
}
