import { readFileSync } from 'node:fs';
import {
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkAclsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListClustersCommand,
  ListServicesCommand,
  ListTasksCommand,
  type Service,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import {
  GetRoleCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  type Role,
} from '@aws-sdk/client-iam';
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  type KeyMetadata,
  ListAliasesCommand,
} from '@aws-sdk/client-kms';
import {
  DescribeSecretCommand,
  type DescribeSecretResponse,
  GetResourcePolicyCommand,
  ListSecretsCommand,
  ListSecretVersionIdsCommand,
  type SecretVersionsListEntry,
} from '@aws-sdk/client-secrets-manager';
import { DescribeParametersCommand, type ParameterMetadata } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { type AwsClients, createClients } from '../../../lib/observe/clients.js';

/** The AWS responses of a two-service fleet, as JSON (SDK shapes, dates as strings). */
type FleetFixture = {
  account: string;
  cluster: { clusterArn: string; clusterName: string; status: string };
  services: Record<'web' | 'reports', Service>;
  taskDefinitions: Record<string, TaskDefinition>;
  secrets: Record<'db-password' | 'reporting-token', DescribeSecretResponse>;
  versions: SecretVersionsListEntry[];
  role: Role;
  key: KeyMetadata;
  subnets: { SubnetId: string; VpcId: string; CidrBlock: string }[];
  parameter: ParameterMetadata;
};

export const fleet: FleetFixture = JSON.parse(
  readFileSync(new URL('../../fixtures/observe/fleet.json', import.meta.url), 'utf8'),
);

/** Clients whose every call answers from the fleet fixture; each mock can be overridden. */
export function mockFleet() {
  const clients: AwsClients = createClients({
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const ecs = mockClient(clients.ecs);
  const secretsManager = mockClient(clients.secretsManager);
  const iam = mockClient(clients.iam);
  const kms = mockClient(clients.kms);
  const ec2 = mockClient(clients.ec2);
  const ssm = mockClient(clients.ssm);

  const services = Object.values(fleet.services);
  ecs.on(ListClustersCommand).resolves({ clusterArns: [fleet.cluster.clusterArn] });
  ecs.on(DescribeClustersCommand).resolves({ clusters: [fleet.cluster] });
  ecs
    .on(ListServicesCommand)
    .resolves({ serviceArns: services.map((s) => s.serviceArn!) });
  ecs.on(DescribeServicesCommand).callsFake((input: { services: string[] }) => ({
    services: services.filter(
      (s) =>
        input.services.includes(s.serviceArn!) || input.services.includes(s.serviceName!),
    ),
  }));
  ecs
    .on(DescribeTaskDefinitionCommand)
    .callsFake((input: { taskDefinition: string }) => ({
      taskDefinition: fleet.taskDefinitions[input.taskDefinition],
    }));
  ecs.on(ListTasksCommand).resolves({ taskArns: [] });
  ecs.on(DescribeTasksCommand).resolves({ tasks: [] });

  const secrets = Object.values(fleet.secrets);
  secretsManager.on(ListSecretsCommand).resolves({
    SecretList: secrets.map(({ VersionIdsToStages, ...rest }) => ({
      ...rest,
      SecretVersionsToStages: VersionIdsToStages,
    })),
  });
  secretsManager.on(DescribeSecretCommand).callsFake((input: { SecretId: string }) => {
    const found = secrets.find(
      (s) => s.ARN === input.SecretId || s.Name === input.SecretId,
    );
    if (found === undefined) {
      throw Object.assign(new Error('not found'), { name: 'ResourceNotFoundException' });
    }
    return found;
  });
  secretsManager.on(GetResourcePolicyCommand).resolves({});
  secretsManager.on(ListSecretVersionIdsCommand).resolves({ Versions: fleet.versions });

  iam.on(GetRoleCommand).callsFake((input: { RoleName: string }) => {
    if (input.RoleName !== fleet.role.RoleName) {
      throw Object.assign(new Error('no such role'), { name: 'NoSuchEntityException' });
    }
    return { Role: fleet.role };
  });
  iam.on(ListRolePoliciesCommand).resolves({ PolicyNames: [] });
  iam.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [] });

  kms.on(DescribeKeyCommand).resolves({ KeyMetadata: fleet.key });
  kms
    .on(GetKeyPolicyCommand)
    .resolves({ Policy: '{"Version":"2012-10-17","Statement":[]}' });
  kms.on(ListAliasesCommand).resolves({ Aliases: [] });

  ec2.on(DescribeSubnetsCommand).resolves({ Subnets: fleet.subnets });
  ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: 'vpc-0main' }] });
  ec2.on(DescribeRouteTablesCommand).resolves({ RouteTables: [] });
  ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [] });
  ec2.on(DescribeVpcEndpointsCommand).resolves({ VpcEndpoints: [] });
  ec2.on(DescribeNetworkAclsCommand).resolves({ NetworkAcls: [] });
  ec2.on(DescribeNatGatewaysCommand).resolves({ NatGateways: [] });
  ec2.on(DescribeInternetGatewaysCommand).resolves({ InternetGateways: [] });
  ec2.on(DescribeVpcAttributeCommand).resolves({
    EnableDnsSupport: { Value: true },
    EnableDnsHostnames: { Value: true },
  });

  ssm.on(DescribeParametersCommand).resolves({ Parameters: [fleet.parameter] });

  return { clients, mocks: { ecs, secretsManager, iam, kms, ec2, ssm } };
}

/** An error as the SDK raises it when IAM denies a call. */
export function accessDenied(): Error {
  return Object.assign(new Error('User is not authorized'), { name: 'AccessDenied' });
}
