import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../../lib/decide/policy.js';
import { checkNetwork, endpointsOnPath } from '../../../../lib/drift/network/index.js';
import type { PathKind } from '../../../../lib/drift/types.js';
import { awsvpcConsumer, type Ec2Edit, networkSnapshot } from './fixture.js';

const SECRETS_ONLY = { secretsmanager: true, ssm: false };
const allTcp = (cidr: string) => ({
  IpProtocol: '-1',
  IpRanges: [{ CidrIp: cidr }],
  UserIdGroupPairs: [],
  PrefixListIds: [],
});

type Case = {
  name: string;
  subnets: string[];
  groups?: string[];
  publicIp?: boolean;
  edit?: (ec2: Ec2Edit) => void;
  kinds: PathKind[];
  codes: string[];
};

const cases: Case[] = [
  {
    name: 'goes through the endpoint with no finding when every hop admits 443',
    subnets: ['subnet-0priva', 'subnet-0privb'],
    kinds: ['endpoint', 'endpoint'],
    codes: [],
  },
  {
    name: 'falls back to a missing route when private DNS is off',
    subnets: ['subnet-0priva'],
    edit: (ec2) => {
      ec2.find('VpcEndpoints', 'vpce-0secrets').PrivateDnsEnabled = false;
    },
    kinds: ['none'],
    codes: ['EndpointPrivateDnsDisabled:high', 'NoNetworkPath:critical'],
  },
  {
    name: 'falls back to the route table when the VPC has DNS hostnames off',
    subnets: ['subnet-0priva'],
    edit: (ec2) => {
      ec2.find('VpcAttributes', 'vpc-0private').EnableDnsHostnames = { Value: false };
    },
    kinds: ['none'],
    codes: ['NoNetworkPath:critical', 'VpcDnsDisabled:high'],
  },
  {
    name: 'falls back to the route table when the VPC has DNS support off',
    subnets: ['subnet-0priva'],
    edit: (ec2) => {
      ec2.find('VpcAttributes', 'vpc-0private').EnableDnsSupport = { Value: false };
    },
    kinds: ['none'],
    codes: ['NoNetworkPath:critical', 'VpcDnsDisabled:high'],
  },
  {
    name: 'reaches the endpoint when only another VPC has DNS support off',
    subnets: ['subnet-0priva'],
    edit: (ec2) => {
      ec2.find('VpcAttributes', 'vpc-0public').EnableDnsSupport = { Value: false };
    },
    kinds: ['endpoint'],
    codes: [],
  },
  {
    name: 'reaches the endpoint when only another VPC has DNS hostnames off',
    subnets: ['subnet-0priva'],
    edit: (ec2) => {
      ec2.find('VpcAttributes', 'vpc-0public').EnableDnsHostnames = { Value: false };
    },
    kinds: ['endpoint'],
    codes: [],
  },
  {
    name: 'ignores private DNS of an endpoint in another VPC than the task',
    subnets: ['subnet-0nat'],
    groups: ['sg-0pubtask'],
    edit: (ec2) => {
      ec2.find('VpcEndpoints', 'vpce-0secrets').PrivateDnsEnabled = false;
    },
    kinds: ['nat'],
    codes: ['PublicNetworkPath:medium'],
  },
  {
    name: 'ignores an endpoint that is not available yet',
    subnets: ['subnet-0priva'],
    edit: (ec2) => {
      ec2.find('VpcEndpoints', 'vpce-0secrets').State = 'pending';
    },
    kinds: ['none'],
    codes: ['NoNetworkPath:critical'],
  },
  {
    name: 'blocks at the endpoint when its groups admit only port 80',
    subnets: ['subnet-0priva'],
    edit: (ec2) => {
      ec2.find('SecurityGroups', 'sg-0endpoint').IpPermissions = [
        {
          IpProtocol: 'tcp',
          FromPort: 80,
          ToPort: 80,
          IpRanges: [{ CidrIp: '10.0.0.0/16' }],
        },
      ];
    },
    kinds: ['endpoint'],
    codes: ['EndpointSecurityGroupBlocks:critical'],
  },
  {
    name: 'admits the task by VPC CIDR when the endpoint rule names no group',
    subnets: ['subnet-0priva'],
    edit: (ec2) => {
      ec2.find('SecurityGroups', 'sg-0endpoint').IpPermissions = [
        {
          IpProtocol: 'tcp',
          FromPort: 443,
          ToPort: 443,
          IpRanges: [{ CidrIp: '10.0.0.0/16' }],
        },
      ];
    },
    kinds: ['endpoint'],
    codes: [],
  },
  {
    name: 'blocks at the endpoint when its CIDR rule covers only part of the task subnet',
    subnets: ['subnet-0priva'],
    edit: (ec2) => {
      ec2.find('SecurityGroups', 'sg-0endpoint').IpPermissions = [
        {
          IpProtocol: 'tcp',
          FromPort: 443,
          ToPort: 443,
          IpRanges: [{ CidrIp: '10.0.1.0/25' }],
        },
      ];
    },
    kinds: ['endpoint'],
    codes: ['EndpointSecurityGroupBlocks:critical'],
  },
  {
    name: 'blocks at the task when its groups let traffic out only to another network',
    subnets: ['subnet-0priva'],
    edit: (ec2) => {
      ec2.find('SecurityGroups', 'sg-0task').IpPermissionsEgress = [
        allTcp('192.168.0.0/16'),
      ];
    },
    kinds: ['endpoint'],
    codes: ['TaskSecurityGroupBlocks:critical'],
  },
  {
    name: 'lets the task out when its egress names the endpoint security group',
    subnets: ['subnet-0priva'],
    edit: (ec2) => {
      ec2.find('SecurityGroups', 'sg-0task').IpPermissionsEgress = [
        {
          IpProtocol: 'tcp',
          FromPort: 443,
          ToPort: 443,
          UserIdGroupPairs: [{ GroupId: 'sg-0endpoint' }],
        },
      ];
    },
    kinds: ['endpoint'],
    codes: [],
  },
  {
    name: 'drops at the ACL when the return traffic ports are not admitted',
    subnets: ['subnet-0priva'],
    edit: (ec2) => {
      ec2.find('NetworkAcls', 'acl-0private').Entries = [
        {
          CidrBlock: '0.0.0.0/0',
          Egress: true,
          Protocol: '-1',
          RuleAction: 'allow',
          RuleNumber: 100,
        },
        {
          CidrBlock: '10.0.0.0/16',
          Egress: false,
          Protocol: '6',
          RuleAction: 'allow',
          RuleNumber: 100,
          PortRange: { From: 443, To: 443 },
        },
        {
          CidrBlock: '0.0.0.0/0',
          Egress: false,
          Protocol: '-1',
          RuleAction: 'deny',
          RuleNumber: 32767,
        },
      ];
    },
    kinds: ['endpoint'],
    codes: ['NetworkAclBlocks:critical'],
  },
  {
    name: 'passes the ACL when it admits 443 and the ephemeral return ports',
    subnets: ['subnet-0priva'],
    edit: (ec2) => {
      ec2.find('NetworkAcls', 'acl-0private').Entries = [
        {
          CidrBlock: '0.0.0.0/0',
          Egress: true,
          Protocol: '-1',
          RuleAction: 'allow',
          RuleNumber: 100,
        },
        {
          CidrBlock: '10.0.0.0/16',
          Egress: false,
          Protocol: '6',
          RuleAction: 'allow',
          RuleNumber: 100,
          PortRange: { From: 443, To: 443 },
        },
        {
          CidrBlock: '10.0.0.0/16',
          Egress: false,
          Protocol: '6',
          RuleAction: 'allow',
          RuleNumber: 110,
          PortRange: { From: 1024, To: 65535 },
        },
        {
          CidrBlock: '0.0.0.0/0',
          Egress: false,
          Protocol: '-1',
          RuleAction: 'deny',
          RuleNumber: 32767,
        },
      ];
    },
    kinds: ['endpoint'],
    codes: [],
  },
  {
    name: 'drops at the ACL of the endpoint subnet when it denies 443 from the task subnet',
    subnets: ['subnet-0priva'],
    edit: (ec2) => {
      const acl = ec2.find('NetworkAcls', 'acl-0private');
      acl.Associations = [{ SubnetId: 'subnet-0priva' }];
      const strict = structuredClone(acl);
      strict.NetworkAclId = 'acl-0strict';
      strict.IsDefault = false;
      strict.Associations = [{ SubnetId: 'subnet-0privb' }];
      strict.Entries = [
        {
          CidrBlock: '10.0.1.0/24',
          Egress: false,
          Protocol: '6',
          RuleAction: 'deny',
          RuleNumber: 90,
          PortRange: { From: 443, To: 443 },
        },
        ...(acl.Entries as unknown[]),
      ];
      ec2.add('NetworkAcls', strict);
    },
    kinds: ['endpoint'],
    codes: ['NetworkAclBlocks:critical'],
  },
  {
    name: 'reaches through NAT from every NAT subnet with one grouped finding',
    subnets: ['subnet-0nat', 'subnet-0nat2'],
    groups: ['sg-0pubtask'],
    kinds: ['nat', 'nat'],
    codes: ['PublicNetworkPath:medium'],
  },
  {
    name: 'reaches the internet gateway when a public IP is assigned',
    subnets: ['subnet-0public'],
    groups: ['sg-0pubtask'],
    publicIp: true,
    kinds: ['internet'],
    codes: ['PublicNetworkPath:medium'],
  },
  {
    name: 'has no path through the internet gateway without a public IP',
    subnets: ['subnet-0public'],
    groups: ['sg-0pubtask'],
    kinds: ['none'],
    codes: ['NoNetworkPath:critical'],
  },
  {
    name: 'has no path from a subnet on a main route table without a default route',
    subnets: ['subnet-0isolated'],
    groups: ['sg-0pubtask'],
    kinds: ['none'],
    codes: ['NoNetworkPath:critical'],
  },
  {
    name: 'has no path when the NAT gateway was deleted',
    subnets: ['subnet-0nat'],
    groups: ['sg-0pubtask'],
    edit: (ec2) => {
      ec2.find('NatGateways', 'nat-0main').State = 'deleted';
    },
    kinds: ['none'],
    codes: ['NoNetworkPath:critical'],
  },
  {
    name: 'has no path when the default route is a blackhole',
    subnets: ['subnet-0nat'],
    groups: ['sg-0pubtask'],
    edit: (ec2) => {
      const table = ec2.find('RouteTables', 'rtb-0nat');
      (table.Routes as Record<string, unknown>[])[1] = {
        DestinationCidrBlock: '0.0.0.0/0',
        NatGatewayId: 'nat-0main',
        State: 'blackhole',
      };
    },
    kinds: ['none'],
    codes: ['NoNetworkPath:critical'],
  },
  {
    name: 'blocks the NAT path when the task egress stays inside private ranges',
    subnets: ['subnet-0nat'],
    groups: ['sg-0pubtask'],
    edit: (ec2) => {
      ec2.find('SecurityGroups', 'sg-0pubtask').IpPermissionsEgress = [
        allTcp('10.0.0.0/8'),
      ];
    },
    kinds: ['nat'],
    codes: ['PublicNetworkPath:medium', 'TaskSecurityGroupBlocks:critical'],
  },
  {
    name: 'cannot decide the NAT path when the task egress names a prefix list',
    subnets: ['subnet-0nat'],
    groups: ['sg-0pubtask'],
    edit: (ec2) => {
      ec2.find('SecurityGroups', 'sg-0pubtask').IpPermissionsEgress = [
        {
          IpProtocol: 'tcp',
          FromPort: 443,
          ToPort: 443,
          PrefixListIds: [{ PrefixListId: 'pl-0aws' }],
        },
      ];
    },
    kinds: ['nat'],
    codes: ['PublicNetworkPath:medium', 'Unverifiable:info'],
  },
  {
    name: 'cannot decide a default route into a transit gateway',
    subnets: ['subnet-0nat'],
    groups: ['sg-0pubtask'],
    edit: (ec2) => {
      const table = ec2.find('RouteTables', 'rtb-0nat');
      (table.Routes as Record<string, unknown>[])[1] = {
        DestinationCidrBlock: '0.0.0.0/0',
        TransitGatewayId: 'tgw-0hub',
        State: 'active',
      };
    },
    kinds: ['unverifiable'],
    codes: ['Unverifiable:info'],
  },
  {
    name: 'cannot decide when the subnet is not in the snapshot',
    subnets: ['subnet-0gone'],
    kinds: ['unverifiable'],
    codes: ['Unverifiable:info'],
  },
  {
    name: 'cannot decide when the snapshot has no ec2 section',
    subnets: ['subnet-0priva'],
    edit: (ec2) => ec2.dropSection(),
    kinds: ['unverifiable'],
    codes: ['Unverifiable:info'],
  },
  {
    name: 'cannot decide when the endpoint list was not captured',
    subnets: ['subnet-0nat'],
    groups: ['sg-0pubtask'],
    edit: (ec2) => ec2.drop('VpcEndpoints'),
    kinds: ['unverifiable'],
    codes: ['Unverifiable:info'],
  },
];

describe('check', () => {
  it.each(cases)('$name', ({ subnets, groups, publicIp, edit, kinds, codes }) => {
    const snapshot = networkSnapshot(edit);
    const consumer = awsvpcConsumer(subnets, groups, publicIp);

    const result = checkNetwork(snapshot, consumer, SECRETS_ONLY, DEFAULT_POLICY);

    expect(result.paths.map((path) => path.kind)).toEqual(kinds);
    const found = result.findings.map((finding) => `${finding.code}:${finding.severity}`);
    expect(found.sort()).toEqual([...codes].sort());
  });

  it.each([
    {
      when: 'the policy requires a private path and secrets go through NAT',
      subnets: ['subnet-0nat'],
      groups: ['sg-0pubtask'],
      requirePrivatePath: true,
      codes: ['PublicNetworkPath:high'],
    },
    {
      when: 'the policy allows a public path and secrets go through NAT',
      subnets: ['subnet-0nat'],
      groups: ['sg-0pubtask'],
      requirePrivatePath: false,
      codes: ['PublicNetworkPath:medium'],
    },
    {
      when: 'the policy requires a private path and secrets go through the endpoint',
      subnets: ['subnet-0priva'],
      groups: undefined,
      requirePrivatePath: true,
      codes: [],
    },
  ])('reports $codes when $when', ({ subnets, groups, requirePrivatePath, codes }) => {
    const snapshot = networkSnapshot();
    const consumer = awsvpcConsumer(subnets, groups);

    const { findings } = checkNetwork(snapshot, consumer, SECRETS_ONLY, {
      requirePrivatePath,
    });

    expect(findings.map((finding) => `${finding.code}:${finding.severity}`)).toEqual(
      codes,
    );
  });

  it('names every subnet, route table and route in one grouped finding when paths repeat', () => {
    const snapshot = networkSnapshot();
    const consumer = awsvpcConsumer(['subnet-0nat', 'subnet-0nat2'], ['sg-0pubtask']);

    const { findings } = checkNetwork(snapshot, consumer, SECRETS_ONLY, DEFAULT_POLICY);

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      resourceArn: consumer.arn,
      secretArn: null,
      evidence: {
        service: 'secretsmanager',
        host: 'secretsmanager.us-east-1.amazonaws.com',
        subnets: ['subnet-0nat', 'subnet-0nat2'],
        details: [
          {
            subnetId: 'subnet-0nat',
            routeTableId: 'rtb-0nat',
            route: { target: 'nat-0main' },
          },
          { subnetId: 'subnet-0nat2', routeTableId: 'rtb-0nat', via: 'nat' },
        ],
      },
    });
  });

  it('says why there is no path when an internet gateway route meets a private task', () => {
    const snapshot = networkSnapshot();
    const consumer = awsvpcConsumer(
      ['subnet-0public', 'subnet-0isolated'],
      ['sg-0pubtask'],
    );

    const { findings } = checkNetwork(snapshot, consumer, SECRETS_ONLY, DEFAULT_POLICY);

    expect(findings[0]?.evidence.details).toEqual([
      expect.objectContaining({
        routeTableId: 'rtb-0public',
        reason: 'internetGatewayWithoutPublicIp',
        route: { destination: '0.0.0.0/0', target: 'igw-0main', state: 'active' },
      }),
      expect.objectContaining({
        routeTableId: 'rtb-0pubmain',
        reason: 'noDefaultRoute',
        route: null,
      }),
    ]);
  });

  it('names the ACL entry that drops the return traffic when ephemeral ports are closed', () => {
    const snapshot = networkSnapshot((ec2) => {
      ec2.find('NetworkAcls', 'acl-0public').Entries = [
        {
          CidrBlock: '0.0.0.0/0',
          Egress: true,
          Protocol: '-1',
          RuleAction: 'allow',
          RuleNumber: 100,
        },
        {
          CidrBlock: '0.0.0.0/0',
          Egress: false,
          Protocol: '6',
          RuleAction: 'deny',
          RuleNumber: 50,
          PortRange: { From: 40000, To: 40010 },
        },
        {
          CidrBlock: '0.0.0.0/0',
          Egress: false,
          Protocol: '-1',
          RuleAction: 'allow',
          RuleNumber: 100,
        },
      ];
    });
    const consumer = awsvpcConsumer(['subnet-0nat'], ['sg-0pubtask']);

    const { findings } = checkNetwork(snapshot, consumer, SECRETS_ONLY, DEFAULT_POLICY);

    const acl = findings.find((finding) => finding.code === 'NetworkAclBlocks');
    expect(acl?.evidence.details).toEqual([
      expect.objectContaining({
        networkAclId: 'acl-0public',
        allowed: false,
        partial: true,
        entry: expect.objectContaining({ RuleNumber: 50, RuleAction: 'deny' }),
      }),
    ]);
  });

  it('hands the endpoint id, VPC and policy to the role checks when the path uses one', () => {
    const snapshot = networkSnapshot();
    const consumer = awsvpcConsumer(['subnet-0priva', 'subnet-0privb']);

    const { paths } = checkNetwork(snapshot, consumer, SECRETS_ONLY, DEFAULT_POLICY);

    expect(paths[0]).toMatchObject({ kind: 'endpoint', endpointId: 'vpce-0secrets' });
    expect(endpointsOnPath(paths)).toEqual([
      {
        vpceId: 'vpce-0secrets',
        vpcId: 'vpc-0private',
        policy: expect.stringContaining('"Effect":"Allow"'),
      },
    ]);
  });

  it('checks the SSM endpoint apart when the consumer has SSM references', () => {
    const snapshot = networkSnapshot();
    const consumer = awsvpcConsumer(['subnet-0priva']);

    const result = checkNetwork(
      snapshot,
      consumer,
      { secretsmanager: true, ssm: true },
      DEFAULT_POLICY,
    );

    expect(result.paths.map((path) => `${path.service}:${path.kind}`)).toEqual([
      'secretsmanager:endpoint',
      'ssm:none',
    ]);
    expect(result.findings).toMatchObject([
      {
        code: 'NoNetworkPath',
        evidence: { service: 'ssm', host: 'ssm.us-east-1.amazonaws.com' },
      },
    ]);
  });

  it('checks nothing when the consumer does not use awsvpc networking', () => {
    const consumer = { ...awsvpcConsumer([]), network: null };

    const result = checkNetwork(
      networkSnapshot(),
      consumer,
      SECRETS_ONLY,
      DEFAULT_POLICY,
    );

    expect(result).toEqual({ findings: [], paths: [] });
  });
});
