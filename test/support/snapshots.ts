import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { parseSnapshot } from '../../lib/snapshot/index.js';
import type {
  SecretSchema,
  ServiceSchema,
  TaskDefinitionSchema,
  TaskSchema,
} from '../../lib/snapshot/schema.js';
import type { Snapshot, SnapshotInput } from '../../lib/snapshot/types.js';

export const ACCOUNT = '111122223333';
export const REGION = 'us-east-1';
/** Captured-at time of built snapshots; builders date things before it. */
export const CAPTURED_AT = '2024-05-01T12:00:00.000Z';

const FIXTURES = new URL('../fixtures/snapshots/', import.meta.url);
const EXAMPLES = new URL('../../examples/', import.meta.url);

/** The absolute path of a snapshot fixture (`minimal` or `minimal.json`). */
export function snapshotFixturePath(name: string): string {
  const file = name.endsWith('.json') ? name : `${name}.json`;
  return fileURLToPath(new URL(file, FIXTURES));
}

/** The path of examples/fleet.json. */
export const EXAMPLE_FLEET_PATH = fileURLToPath(new URL('fleet.json', EXAMPLES));

/** Load and validate a fixture under test/fixtures/snapshots/. */
export function loadSnapshotFixture(name: string): Snapshot {
  const path = snapshotFixturePath(name);
  return parseSnapshot(JSON.parse(readFileSync(path, 'utf8')), path);
}

/** Load and validate examples/fleet.json. */
export function loadExampleFleet(): Snapshot {
  return parseSnapshot(
    JSON.parse(readFileSync(EXAMPLE_FLEET_PATH, 'utf8')),
    EXAMPLE_FLEET_PATH,
  );
}

/** ARNs in the test account and region. */
export const arn = {
  cluster: (name: string) => `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${name}`,
  service: (cluster: string, name: string) =>
    `arn:aws:ecs:${REGION}:${ACCOUNT}:service/${cluster}/${name}`,
  taskDefinition: (family: string, revision = 1) =>
    `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${family}:${revision}`,
  task: (cluster: string, id: string) =>
    `arn:aws:ecs:${REGION}:${ACCOUNT}:task/${cluster}/${id}`,
  /** A full secret ARN: the name plus the 6-character suffix Secrets Manager adds. */
  secret: (name: string, suffix = 'AbC123') =>
    `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}-${suffix}`,
  role: (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`,
  ssmParameter: (name: string) =>
    `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/${name.replace(/^\//, '')}`,
};

/**
 * Build a valid snapshot from the sections a test cares about; the rest get
 * defaults. The result goes through the real schema, so timestamps come out
 * normalised exactly as from a file.
 */
export function buildSnapshot(partial: Partial<SnapshotInput> = {}): Snapshot {
  const document: SnapshotInput = {
    schemaVersion: 1,
    capturedAt: CAPTURED_AT,
    account: ACCOUNT,
    region: REGION,
    clusters: [],
    services: [],
    taskDefinitions: [],
    secrets: [],
    ...partial,
  };

  // Clusters named by services but not listed are added, as describe-clusters would.
  const listed = new Set(document.clusters.map((cluster) => cluster.clusterArn));
  const missing = [...new Set(document.services.map((service) => service.clusterArn))]
    .filter((clusterArn) => !listed.has(clusterArn))
    .map((clusterArn) => ({
      clusterArn,
      clusterName: clusterArn.split('/').at(-1),
      status: 'ACTIVE',
    }));

  return parseSnapshot(
    { ...document, clusters: [...document.clusters, ...missing] },
    'buildSnapshot',
  );
}

type ServiceInput = z.input<typeof ServiceSchema>;
type TaskDefinitionInput = z.input<typeof TaskDefinitionSchema>;
type SecretInput = z.input<typeof SecretSchema>;
type TaskInput = z.input<typeof TaskSchema>;

/** An ACTIVE Fargate service with one PRIMARY deployment created at `deployedAt`. */
export function buildService(
  options: {
    name: string;
    cluster?: string;
    taskDefinition?: string;
    deployedAt?: string;
    tags?: Record<string, string>;
  } & Partial<ServiceInput>,
): ServiceInput {
  const {
    name,
    cluster = 'main',
    deployedAt = '2024-04-01T00:00:00Z',
    tags,
    ...rest
  } = options;
  const taskDefinition = rest.taskDefinition ?? arn.taskDefinition(name);
  return {
    serviceArn: arn.service(cluster, name),
    serviceName: name,
    clusterArn: arn.cluster(cluster),
    status: 'ACTIVE',
    taskDefinition,
    desiredCount: 1,
    runningCount: 1,
    launchType: 'FARGATE',
    platformVersion: 'LATEST',
    deployments: [
      {
        id: `ecs-svc/${name}-primary`,
        status: 'PRIMARY',
        taskDefinition,
        createdAt: deployedAt,
        updatedAt: deployedAt,
        rolloutState: 'COMPLETED',
        desiredCount: 1,
        runningCount: 1,
      },
    ],
    tags: Object.entries(tags ?? {}).map(([key, value]) => ({ key, value })),
    ...rest,
  };
}

/** A task definition with one container `app` injecting the given secrets (name → valueFrom). */
export function buildTaskDefinition(
  options: {
    family: string;
    revision?: number;
    secrets?: Record<string, string>;
    executionRole?: string;
  } & Partial<TaskDefinitionInput>,
): TaskDefinitionInput {
  const { family, revision = 1, secrets = {}, executionRole, ...rest } = options;
  return {
    taskDefinitionArn: arn.taskDefinition(family, revision),
    family,
    revision,
    status: 'ACTIVE',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    executionRoleArn: arn.role(executionRole ?? `${family}-execution`),
    containerDefinitions: [
      {
        name: 'app',
        image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${family}:1.0.0`,
        environment: [],
        secrets: Object.entries(secrets).map(([name, valueFrom]) => ({
          name,
          valueFrom,
        })),
      },
    ],
    ...rest,
  };
}

/**
 * A secret whose versions are given oldest first: `versions` maps a version id
 * to its stages and creation time. VersionIdsToStages is derived from it.
 */
export function buildSecret(
  options: {
    name: string;
    suffix?: string;
    versions?: Record<string, { stages: string[]; createdAt: string }>;
  } & Partial<SecretInput>,
): SecretInput {
  const { name, suffix, versions = {}, ...rest } = options;
  const entries = Object.entries(versions);
  return {
    ARN: arn.secret(name, suffix),
    Name: name,
    CreatedDate: entries[0]?.[1].createdAt ?? '2024-01-01T00:00:00Z',
    VersionIdsToStages: Object.fromEntries(entries.map(([id, v]) => [id, v.stages])),
    Versions: entries.map(([id, v]) => ({
      VersionId: id,
      VersionStages: v.stages,
      CreatedDate: v.createdAt,
    })),
    ...rest,
  };
}

/** A RUNNING task of a service, created at `createdAt`. */
export function buildTask(
  options: {
    id: string;
    service: string;
    cluster?: string;
    createdAt: string;
  } & Partial<TaskInput>,
): TaskInput {
  const { id, service, cluster = 'main', createdAt, ...rest } = options;
  return {
    taskArn: arn.task(cluster, id),
    clusterArn: arn.cluster(cluster),
    taskDefinitionArn: arn.taskDefinition(service),
    group: `service:${service}`,
    startedBy: 'ecs-svc/0000000000000000000',
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    launchType: 'FARGATE',
    createdAt,
    startedAt: createdAt,
    ...rest,
  };
}
