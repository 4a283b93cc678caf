import { readFileSync } from 'node:fs';
import type { Consumer } from '../../../../lib/drift/types.js';
import { parseSnapshot } from '../../../../lib/snapshot/index.js';
import type { Snapshot } from '../../../../lib/snapshot/types.js';

type Item = Record<string, unknown>;

const ID_FIELD: Record<string, string> = {
  Vpcs: 'VpcId',
  Subnets: 'SubnetId',
  RouteTables: 'RouteTableId',
  SecurityGroups: 'GroupId',
  VpcEndpoints: 'VpcEndpointId',
  NetworkAcls: 'NetworkAclId',
  NatGateways: 'NatGatewayId',
  VpcAttributes: 'VpcId',
};

/** Edits to the ec2 section of the two-VPC fixture, made before it is parsed. */
export type Ec2Edit = {
  /** The item of a describe-* list with the given id; throws when absent. */
  find(list: string, id: string): Item;
  /** Appends an item to a describe-* list. */
  add(list: string, item: Item): void;
  /** Removes a list, as a snapshot that did not capture it. */
  drop(list: string): void;
  /** Removes the whole ec2 section. */
  dropSection(): void;
};

const FIXTURE = new URL('./fixtures/two-vpcs.json', import.meta.url);

/**
 * The two-VPC network fixture: vpc-0private reaches Secrets Manager through
 * an interface endpoint; vpc-0public has a public subnet, two NAT subnets and
 * an isolated one on the main route table.
 */
export function networkSnapshot(edit?: (ec2: Ec2Edit) => void): Snapshot {
  const document = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Item & { ec2?: Item };
  const ec2 = document.ec2 as Record<string, Item[]>;
  edit?.({
    find(list, id) {
      const field = ID_FIELD[list] ?? 'Id';
      const found = ec2[list]?.find((item) => item[field] === id);
      if (found === undefined) throw new Error(`fixture has no ${list} ${id}`);
      return found;
    },
    add(list, item) {
      ec2[list] = [...(ec2[list] ?? []), item];
    },
    drop(list) {
      delete ec2[list];
    },
    dropSection() {
      delete document.ec2;
    },
  });
  return parseSnapshot(document, 'two-vpcs.json');
}

/** An awsvpc service consumer placed in the given subnets. */
export function awsvpcConsumer(
  subnets: string[],
  securityGroups: string[] = ['sg-0task'],
  assignPublicIp = false,
): Consumer {
  return {
    kind: 'service',
    arn: 'arn:aws:ecs:us-east-1:111122223333:service/main/payments',
    clusterArn: 'arn:aws:ecs:us-east-1:111122223333:cluster/main',
    taskDefinition: undefined,
    network: { subnets, securityGroups, assignPublicIp },
    launchType: 'FARGATE',
    platformVersion: 'LATEST',
  };
}
