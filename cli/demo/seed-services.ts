import {
  type ContainerDefinition,
  CreateClusterCommand,
  CreateServiceCommand,
  type ECSClient,
  type LogConfiguration,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
} from '@aws-sdk/client-ecs';
import type { Placement, SeededNetwork } from './seed-network.js';
import type { SeededRoles } from './seed-roles.js';
import type { SeededSecrets } from './seed-secrets.js';

/** The role each demo service plays for the rotating database secret. */
export const FleetRole = {
  /** Injects the database secret by full ARN: redeployed on rotation. */
  web: 'web',
  /** Shares the database secret (partial ARN) and reads a JSON key of the API keys. */
  worker: 'worker',
  /** Pins the database secret to a version id: never stale. */
  pinned: 'pinned',
  /** Follows AWSCURRENT by stage name but opts out by tag. */
  optedOut: 'optedOut',
  /** Reads the database secret at run time; declared by tag, refreshed by signal. */
  notifier: 'notifier',
  /** Reads only the reporting token, from a subnet with no way out. */
  unrelated: 'unrelated',
  /** Injects the database secret with an execution role that cannot read it. */
  restricted: 'restricted',
} as const;
export type FleetRole = (typeof FleetRole)[keyof typeof FleetRole];

export type SeededService = {
  name: string;
  arn: string;
  clusterArn: string;
  taskDefinitionArn: string;
  placement: Placement;
};

type ServiceSpec = {
  name: string;
  cluster: 'main' | 'edge';
  placement: keyof SeededNetwork['placements'];
  executionRole: string;
  taskRole?: string;
  secrets: { name: string; valueFrom: string }[];
  logSecrets?: { name: string; valueFrom: string }[];
  tags?: Record<string, string>;
};

function specs(
  prefix: string,
  region: string,
  account: string,
  secrets: SeededSecrets,
  roles: SeededRoles,
): Record<FleetRole, ServiceSpec> {
  const database = secrets.database;
  const partialArn = `arn:aws:secretsmanager:${region}:${account}:secret:${database.name}`;
  const ssmReference = `arn:aws:ssm:${region}:${account}:parameter/aws/reference/secretsmanager/${secrets.reporting.name}`;
  return {
    web: {
      name: `${prefix}-web`,
      cluster: 'main',
      placement: 'endpoint',
      executionRole: roles.execution,
      secrets: [{ name: 'DB_PASSWORD', valueFrom: database.arn }],
    },
    worker: {
      name: `${prefix}-worker`,
      cluster: 'main',
      placement: 'nat',
      executionRole: roles.execution,
      secrets: [
        { name: 'DB_PASSWORD', valueFrom: partialArn },
        { name: 'API_KEY', valueFrom: `${secrets.apiKeys.arn}:apiKey::` },
        // Its VPC has no endpoints: both stores are reached through the NAT gateway.
        { name: 'REPORT_TOKEN', valueFrom: ssmReference },
      ],
      logSecrets: [{ name: 'splunk-token', valueFrom: secrets.reporting.arn }],
    },
    pinned: {
      name: `${prefix}-pinned`,
      cluster: 'main',
      placement: 'endpoint',
      executionRole: roles.execution,
      secrets: [
        {
          name: 'DB_PASSWORD',
          valueFrom: `${database.arn}:::${database.currentVersionId}`,
        },
      ],
    },
    optedOut: {
      name: `${prefix}-batch`,
      cluster: 'edge',
      placement: 'endpoint',
      executionRole: roles.execution,
      secrets: [
        { name: 'DB_PASSWORD', valueFrom: `${database.arn}::AWSCURRENT:` },
        { name: 'REPORT_TOKEN', valueFrom: ssmReference },
      ],
      tags: { 'secret-reconciler/strategy': 'ignore' },
    },
    notifier: {
      name: `${prefix}-notifier`,
      cluster: 'edge',
      placement: 'public',
      executionRole: roles.execution,
      taskRole: roles.signalTask,
      // Both stores through the internet gateway: its VPC has no endpoints.
      secrets: [
        { name: 'API_KEY', valueFrom: `${secrets.apiKeys.arn}:apiKey::` },
        { name: 'REPORT_TOKEN', valueFrom: ssmReference },
      ],
      tags: {
        'secret-reconciler/strategy': 'signal',
        'secret-reconciler/secrets': database.name,
      },
    },
    unrelated: {
      name: `${prefix}-reports`,
      cluster: 'edge',
      placement: 'isolated',
      executionRole: roles.execution,
      // This subnet reaches neither store: no endpoint, no route out.
      secrets: [{ name: 'REPORT_TOKEN', valueFrom: secrets.reporting.arn }],
    },
    restricted: {
      name: `${prefix}-legacy`,
      cluster: 'main',
      placement: 'endpoint',
      executionRole: roles.restricted,
      secrets: [{ name: 'DB_PASSWORD', valueFrom: database.arn }],
    },
  };
}

function container(spec: ServiceSpec, region: string): ContainerDefinition {
  const logConfiguration: LogConfiguration = spec.logSecrets
    ? {
        logDriver: 'splunk',
        options: { 'splunk-url': 'https://splunk.example.com:8088' },
        secretOptions: spec.logSecrets,
      }
    : {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': `/ecs/${spec.name}`,
          'awslogs-region': region,
          'awslogs-stream-prefix': 'app',
        },
      };
  return {
    name: 'app',
    image: 'public.ecr.aws/docker/library/busybox:1.36',
    essential: true,
    // moto's RunTask needs memory on each container, not only on the task.
    memory: 512,
    environment: [{ name: 'APP_NAME', value: spec.name }],
    secrets: spec.secrets,
    logConfiguration,
  };
}

/** Creates both clusters, one task definition and one service per fleet role. */
export async function seedServices(
  ecs: ECSClient,
  options: {
    prefix: string;
    region: string;
    account: string;
    network: SeededNetwork;
    secrets: SeededSecrets;
    roles: SeededRoles;
  },
): Promise<{
  clusters: { main: string; edge: string };
  services: Record<FleetRole, SeededService>;
}> {
  const { prefix, region, account, network } = options;
  const clusters = {
    main: await createCluster(ecs, `${prefix}-main`),
    edge: await createCluster(ecs, `${prefix}-edge`),
  };

  const services = {} as Record<FleetRole, SeededService>;
  const table = specs(prefix, region, account, options.secrets, options.roles);
  for (const [role, spec] of Object.entries(table) as [FleetRole, ServiceSpec][]) {
    const registered = await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: spec.name,
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '256',
        memory: '512',
        executionRoleArn: spec.executionRole,
        ...(spec.taskRole ? { taskRoleArn: spec.taskRole } : {}),
        containerDefinitions: [container(spec, region)],
      }),
    );
    const taskDefinitionArn = registered.taskDefinition!.taskDefinitionArn!;
    const placement = network.placements[spec.placement];
    const created = await ecs.send(
      new CreateServiceCommand({
        cluster: clusters[spec.cluster],
        serviceName: spec.name,
        taskDefinition: taskDefinitionArn,
        desiredCount: 1,
        launchType: 'FARGATE',
        networkConfiguration: awsvpc(placement),
        tags: Object.entries(spec.tags ?? {}).map(([key, value]) => ({ key, value })),
      }),
    );
    services[role] = {
      name: spec.name,
      arn: created.service!.serviceArn!,
      clusterArn: clusters[spec.cluster],
      taskDefinitionArn,
      placement,
    };
  }
  return { clusters, services };
}

/**
 * Starts one task for a service, as the service scheduler would: same task
 * definition, network and `service:NAME` group (moto's services start none).
 */
export async function runServiceTask(
  ecs: ECSClient,
  service: SeededService,
): Promise<string> {
  const run = await ecs.send(
    new RunTaskCommand({
      cluster: service.clusterArn,
      taskDefinition: service.taskDefinitionArn,
      launchType: 'FARGATE',
      count: 1,
      group: `service:${service.name}`,
      startedBy: 'ecs-svc/seed',
      networkConfiguration: awsvpc(service.placement),
    }),
  );
  const task = run.tasks?.[0];
  if (task?.taskArn === undefined) {
    throw new Error(
      `RunTask started no task for ${service.name}: ${JSON.stringify(run.failures)}`,
    );
  }
  return task.taskArn;
}

function awsvpc(placement: Placement) {
  return {
    awsvpcConfiguration: {
      subnets: [placement.subnetId],
      securityGroups: [placement.securityGroupId],
      assignPublicIp: placement.publicIp ? ('ENABLED' as const) : ('DISABLED' as const),
    },
  };
}

async function createCluster(ecs: ECSClient, name: string): Promise<string> {
  const created = await ecs.send(new CreateClusterCommand({ clusterName: name }));
  return created.cluster!.clusterArn!;
}
