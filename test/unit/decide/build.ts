import type { Trigger } from '../../../lib/events/types.js';
import { SnapshotSchema } from '../../../lib/snapshot/schema.js';
import type { Secret, Snapshot, SnapshotInput } from '../../../lib/snapshot/types.js';

/** Small typed builders for decide tables: a snapshot parsed through the real schema. */
export const ACCOUNT = '111122223333';
export const REGION = 'us-east-1';
export const CLUSTER = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/payments-prod`;
export const NOW = new Date('2024-06-01T12:00:00.000Z');

type SnapshotParts = Partial<Omit<SnapshotInput, 'schemaVersion'>>;
type ServiceInput = SnapshotInput['services'][number];
type SecretInput = SnapshotInput['secrets'][number];
type TaskDefinitionInput = SnapshotInput['taskDefinitions'][number];

export function secretArn(name: string): string {
  return `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}-AbCdEf`;
}

export function serviceArn(name: string): string {
  return `arn:aws:ecs:${REGION}:${ACCOUNT}:service/payments-prod/${name}`;
}

export function taskDefinitionArn(family: string): string {
  return `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${family}:1`;
}

/** A secret with versions given as [versionId, stages, createdDate]. */
export function secretInput(
  name: string,
  versions: Array<[string, string[], string?]>,
  extra: Partial<SecretInput> = {},
): SecretInput {
  return {
    ARN: secretArn(name),
    Name: name,
    Versions: versions.map(([VersionId, VersionStages, CreatedDate]) => ({
      VersionId,
      VersionStages,
      ...(CreatedDate === undefined ? {} : { CreatedDate }),
    })),
    ...extra,
  };
}

/** A task definition whose one container injects each valueFrom as an environment secret. */
export function taskDefinitionInput(
  family: string,
  valueFroms: string[],
): TaskDefinitionInput {
  return {
    taskDefinitionArn: taskDefinitionArn(family),
    family,
    revision: 1,
    networkMode: 'awsvpc',
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/${family}-execution`,
    containerDefinitions: [
      {
        name: 'app',
        image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${family}:1.0.0`,
        secrets: valueFroms.map((valueFrom, index) => ({
          name: `SECRET_${index}`,
          valueFrom,
        })),
      },
    ],
  };
}

/** An ACTIVE service whose PRIMARY deployment started at `deployedAt`. */
export function serviceInput(
  name: string,
  deployedAt: string,
  extra: Partial<ServiceInput> = {},
): ServiceInput {
  return {
    serviceArn: serviceArn(name),
    serviceName: name,
    clusterArn: CLUSTER,
    status: 'ACTIVE',
    taskDefinition: taskDefinitionArn(name),
    deployments: [
      {
        id: `ecs-svc/${name}`,
        status: 'PRIMARY',
        taskDefinition: taskDefinitionArn(name),
        createdAt: deployedAt,
      },
    ],
    launchType: 'FARGATE',
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: ['subnet-0a1b2c3d'],
        securityGroups: ['sg-0a1b2c3d'],
      },
    },
    ...extra,
  };
}

export function snapshotOf(parts: SnapshotParts = {}): Snapshot {
  return SnapshotSchema.parse({
    schemaVersion: 1,
    capturedAt: NOW.toISOString(),
    account: ACCOUNT,
    region: REGION,
    clusters: [{ clusterArn: CLUSTER, clusterName: 'payments-prod', status: 'ACTIVE' }],
    services: [],
    taskDefinitions: [],
    secrets: [],
    ...parts,
  });
}

export function parsedSecret(input: SecretInput): Secret {
  const [secret] = snapshotOf({ secrets: [input] }).secrets;
  if (secret === undefined) throw new Error('secret did not parse');
  return secret;
}

const base = { eventId: null, account: ACCOUNT, region: REGION };

/** A secretChanged trigger for `secretId` moving `label` (null: AWSCURRENT). */
export function secretChanged(
  secretId: string,
  at: string,
  options: {
    label?: string | null;
    versionId?: string | null;
    movesLabel?: boolean;
  } = {},
): Trigger {
  return {
    ...base,
    kind: 'secretChanged',
    change: options.movesLabel === false ? 'rotationFailed' : 'rotationSucceeded',
    secretId,
    at,
    label: options.label ?? null,
    versionId: options.versionId ?? null,
    movesLabel: options.movesLabel ?? true,
  };
}

export function resync(clusters: string[] = [], secrets: string[] = []): Trigger {
  return {
    ...base,
    kind: 'resync',
    source: clusters.length + secrets.length > 0 ? 'manual' : 'schedule',
    at: NOW.toISOString(),
    clusters,
    secrets,
  };
}
