import { arnOf, daysAgo, type FleetContext } from './context.js';
import type { Placement } from './network.js';
import { valueFrom } from './references.js';
import type { SecretInfo } from './secrets.js';

/** The IAM a service needs: what its execution and task roles must be allowed. */
export type Grants = {
  family: string;
  executionRoleArn: string;
  taskRoleArn: string;
  injected: SecretInfo[];
  runtime: SecretInfo[];
  parameters: string[];
  ssmReferences: boolean;
};

export type Workloads = {
  clusters: Record<string, unknown>[];
  services: Record<string, unknown>[];
  taskDefinitions: Record<string, unknown>[];
  tasks: Record<string, unknown>[];
  grants: Grants[];
};

type Draft = { secrets: Record<string, string>[]; grants: Grants };

function secretEntries(
  context: FleetContext,
  draft: Draft,
  picked: SecretInfo[],
  prefix: string,
): Record<string, string>[] {
  return picked.map((secret, i) => {
    const chosen = valueFrom(context, secret);
    draft.grants.injected.push(secret);
    draft.grants.ssmReferences ||= chosen.ssm;
    return { name: `${prefix}_${i}`, valueFrom: chosen.valueFrom };
  });
}

function taskDefinition(
  context: FleetContext,
  grants: Grants,
  secrets: SecretInfo[],
  parameters: readonly string[],
): Record<string, unknown> {
  const { random } = context;
  const draft: Draft = { secrets: [], grants };
  const [log, ...rest] = random.sample(secrets, random.int(4, 7));
  const appCount = Math.max(1, rest.length - random.int(1, 2));
  const parameter = random.chance(0.3) ? random.pick(parameters) : null;
  if (parameter !== null) grants.parameters.push(parameter);
  const runtime = random.chance(0.1) ? random.pick(secrets) : null;
  if (runtime !== null) grants.runtime.push(runtime);
  const registry = random.chance(0.2) ? random.pick(secrets) : null;
  if (registry !== null) grants.injected.push(registry);

  const app = {
    name: 'app',
    image: `${context.account}.dkr.ecr.${context.region}.amazonaws.com/${grants.family}:1.${random.int(0, 99)}`,
    essential: true,
    environment: [
      { name: 'PORT', value: '8080' },
      { name: 'LOG_LEVEL', value: 'info' },
      ...(runtime === null ? [] : [{ name: 'CONFIG_SECRET_ARN', value: runtime.arn }]),
    ],
    secrets: [
      ...secretEntries(context, draft, rest.slice(0, appCount), 'APP_SECRET'),
      ...(parameter === null ? [] : [{ name: 'APP_CONFIG', valueFrom: parameter }]),
    ],
    ...(registry === null
      ? {}
      : { repositoryCredentials: { credentialsParameter: registry.arn } }),
    logConfiguration: {
      logDriver: 'awsfirelens',
      options: { Name: 'datadog', dd_service: grants.family },
      secretOptions:
        log === undefined ? [] : secretEntries(context, draft, [log], 'apikey'),
    },
  };
  const sidecar = {
    name: 'metrics',
    image: 'public.ecr.aws/example/metrics-agent:3',
    essential: false,
    environment: [{ name: 'METRICS_PORT', value: '9100' }],
    secrets: secretEntries(context, draft, rest.slice(appCount), 'METRICS_SECRET'),
  };
  const router = {
    name: 'log-router',
    image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4',
    essential: true,
    environment: [],
    secrets: [],
    logConfiguration: {
      logDriver: 'awslogs',
      options: {
        'awslogs-group': `/ecs/${grants.family}`,
        'awslogs-region': context.region,
      },
    },
    firelensConfiguration: { type: 'fluentbit' },
  };

  const revision = random.int(1, 80);
  return {
    taskDefinitionArn: arnOf(
      context,
      'ecs',
      `task-definition/${grants.family}:${revision}`,
    ),
    family: grants.family,
    revision,
    status: 'ACTIVE',
    executionRoleArn: grants.executionRoleArn,
    taskRoleArn: grants.taskRoleArn,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '512',
    memory: '1024',
    containerDefinitions: [app, sidecar, router],
    registeredAt: daysAgo(context, 30, 400),
  };
}

/**
 * `count` Fargate services spread over clusters, each with its own task
 * definition of three containers (4–8 secret references in mixed forms),
 * a PRIMARY deployment, one to three running tasks, and now and then a
 * strategy or runtime-secrets tag.
 */
export function generateWorkloads(
  context: FleetContext,
  count: number,
  secrets: SecretInfo[],
  parameters: readonly string[],
  placements: readonly Placement[],
): Workloads {
  const { random } = context;
  const clusterNames = Array.from(
    { length: Math.max(3, Math.ceil(count / 200)) },
    (_, i) => `cluster-${String(i).padStart(3, '0')}`,
  );
  const clusters = clusterNames.map((clusterName) => ({
    clusterArn: arnOf(context, 'ecs', `cluster/${clusterName}`),
    clusterName,
    status: 'ACTIVE',
  }));
  const workloads: Workloads = {
    clusters,
    services: [],
    taskDefinitions: [],
    tasks: [],
    grants: [],
  };

  for (let i = 0; i < count; i++) {
    const cluster = clusters[i % clusters.length] ?? clusters[0]!;
    const family = `svc-${String(i).padStart(5, '0')}`;
    const grants: Grants = {
      family,
      executionRoleArn: `arn:aws:iam::${context.account}:role/${family}-execution`,
      taskRoleArn: `arn:aws:iam::${context.account}:role/${family}-task`,
      injected: [],
      runtime: [],
      parameters: [],
      ssmReferences: false,
    };
    const td = taskDefinition(context, grants, secrets, parameters);
    const placement = placements[i % placements.length]!;
    const deploymentId = `ecs-svc/${random.int(1e9, 9e9)}${random.int(1e8, 9e8)}`;
    const deployedAt = daysAgo(context, 0, 90);
    const desired = random.int(1, 3);
    const platformVersion = random.chance(0.02) ? '1.3.0' : '1.4.0';
    const network = {
      awsvpcConfiguration: {
        subnets: placement.subnets,
        securityGroups: placement.securityGroups,
        assignPublicIp: 'DISABLED',
      },
    };
    const tags = [{ key: 'team', value: `team${i % 40}` }];
    if (random.chance(0.05))
      tags.push({ key: 'secret-reconciler/strategy', value: 'signal' });
    if (random.chance(0.02))
      tags.push({ key: 'secret-reconciler/strategy', value: 'ignore' });
    if (random.chance(0.05)) {
      const declared = random.pick(secrets);
      grants.runtime.push(declared);
      tags.push({ key: 'secret-reconciler/secrets', value: declared.name });
    }

    workloads.grants.push(grants);
    workloads.taskDefinitions.push(td);
    workloads.services.push({
      serviceArn: arnOf(context, 'ecs', `service/${cluster.clusterName}/${family}`),
      serviceName: family,
      clusterArn: cluster.clusterArn,
      status: 'ACTIVE',
      desiredCount: desired,
      runningCount: desired,
      launchType: 'FARGATE',
      platformVersion,
      taskDefinition: td.taskDefinitionArn,
      deployments: [
        {
          id: deploymentId,
          status: 'PRIMARY',
          taskDefinition: td.taskDefinitionArn,
          desiredCount: desired,
          runningCount: desired,
          createdAt: deployedAt,
          updatedAt: deployedAt,
          launchType: 'FARGATE',
          platformVersion,
          rolloutState: 'COMPLETED',
          networkConfiguration: network,
        },
      ],
      createdAt: daysAgo(context, 100, 700),
      networkConfiguration: network,
      tags,
    });
    for (let t = 0; t < desired; t++) {
      workloads.tasks.push({
        taskArn: arnOf(context, 'ecs', `task/${cluster.clusterName}/${random.hex(32)}`),
        clusterArn: cluster.clusterArn,
        taskDefinitionArn: td.taskDefinitionArn,
        group: `service:${family}`,
        startedBy: deploymentId,
        lastStatus: 'RUNNING',
        desiredStatus: 'RUNNING',
        launchType: 'FARGATE',
        platformVersion,
        createdAt: deployedAt,
        startedAt: deployedAt,
      });
    }
  }
  return workloads;
}
