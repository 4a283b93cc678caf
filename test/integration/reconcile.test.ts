import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  type ECSClient,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import {
  CreateSecretCommand,
  PutSecretValueCommand,
  type SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../lib/config/config.js';
import type { Trigger } from '../../lib/events/types.js';
import { silentLog } from '../../lib/log.js';
import { type AwsClients, createClients } from '../../lib/observe/clients.js';
import { createReconciler } from '../../lib/reconcile/index.js';
import { ensureTable } from '../../lib/records/index.js';
import { emulatorClientConfig, resetEmulator } from '../support/aws.js';

const TABLE = 'reconcile-records';
const CLUSTER = 'shop';
const SERVICES = ['web', 'pinned', 'optout', 'other'] as const;
type Name = (typeof SERVICES)[number];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function createSecret(secrets: SecretsManagerClient, name: string) {
  const created = await secrets.send(
    new CreateSecretCommand({ Name: name, SecretString: `${name}-${Math.random()}` }),
  );
  return { arn: created.ARN!, versionId: created.VersionId! };
}

/** Moves AWSCURRENT to a new version the way a rotation function does. */
async function rotate(secrets: SecretsManagerClient, arn: string, from: string) {
  const put = await secrets.send(
    new PutSecretValueCommand({
      SecretId: arn,
      SecretString: `rotated-${Math.random()}`,
      VersionStages: ['AWSPENDING'],
    }),
  );
  const versionId = put.VersionId!;
  await secrets.send(
    new UpdateSecretVersionStageCommand({
      SecretId: arn,
      VersionStage: 'AWSCURRENT',
      MoveToVersionId: versionId,
      RemoveFromVersionId: from,
    }),
  );
  await secrets.send(
    new UpdateSecretVersionStageCommand({
      SecretId: arn,
      VersionStage: 'AWSPENDING',
      RemoveFromVersionId: versionId,
    }),
  );
  return versionId;
}

/** An execution role allowed to read secrets, so the preflight checks pass. */
async function createExecutionRole(clients: AwsClients): Promise<string> {
  const role = await clients.iam.send(
    new CreateRoleCommand({
      RoleName: 'shop-execution',
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'ecs-tasks.amazonaws.com' },
            Action: 'sts:AssumeRole',
          },
        ],
      }),
    }),
  );
  await clients.iam.send(
    new PutRolePolicyCommand({
      RoleName: 'shop-execution',
      PolicyName: 'read-secrets',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' },
        ],
      }),
    }),
  );
  return role.Role!.Arn!;
}

async function createService(
  ecs: ECSClient,
  executionRoleArn: string,
  name: Name,
  valueFrom: string,
  tags: { key: string; value: string }[] = [],
) {
  const registered = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: name,
      executionRoleArn,
      containerDefinitions: [
        {
          name: 'app',
          image: 'shop/app:1',
          memory: 128,
          secrets: [{ name: 'DB', valueFrom }],
        },
      ],
    }),
  );
  await ecs.send(
    new CreateServiceCommand({
      cluster: CLUSTER,
      serviceName: name,
      taskDefinition: registered.taskDefinition!.taskDefinitionArn!,
      desiredCount: 0,
      tags,
    }),
  );
}

async function deploymentIds(ecs: ECSClient): Promise<Record<Name, string>> {
  const described = await ecs.send(
    new DescribeServicesCommand({ cluster: CLUSTER, services: [...SERVICES] }),
  );
  const entries = (described.services ?? []).map((service) => [
    service.serviceName,
    service.deployments?.find((d) => d.status === 'PRIMARY')?.id,
  ]);
  return Object.fromEntries(entries);
}

describe('reconcile', () => {
  let clients: AwsClients;
  let reconcile: ReturnType<typeof createReconciler>;
  let db: { arn: string; versionId: string };

  beforeAll(async () => {
    await resetEmulator();
    const { endpoint, region, credentials } = emulatorClientConfig();
    clients = createClients({ region, endpoint, credentials });
    const config = loadConfig({
      RECORDS_TABLE: TABLE,
      AWS_REGION: region,
      AWS_ENDPOINT_URL: endpoint,
      UPDATE_SERVICE_RATE: '20',
    });
    reconcile = createReconciler(clients, config, silentLog);
    await ensureTable(clients.dynamodb, TABLE);

    db = await createSecret(clients.secretsManager, 'shop/db');
    const other = await createSecret(clients.secretsManager, 'shop/other');
    const role = await createExecutionRole(clients);
    await clients.ecs.send(new CreateClusterCommand({ clusterName: CLUSTER }));
    await createService(clients.ecs, role, 'web', db.arn);
    await createService(clients.ecs, role, 'pinned', `${db.arn}:::${db.versionId}`);
    await createService(clients.ecs, role, 'optout', db.arn, [
      { key: 'secret-reconciler/strategy', value: 'ignore' },
    ]);
    await createService(clients.ecs, role, 'other', other.arn);
  });

  it('redeploys exactly the consumers that follow a rotated secret, once', async () => {
    const resync = (): Trigger => ({
      kind: 'resync',
      source: 'schedule',
      clusters: [],
      secrets: [],
      at: new Date().toISOString(),
      eventId: null,
      account: null,
      region: null,
    });
    // Installing the controller: the first resync records every label it sees.
    await reconcile(resync());
    await pause(1100);
    const before = await deploymentIds(clients.ecs);

    const versionId = await rotate(clients.secretsManager, db.arn, db.versionId);
    const rotated: Trigger = {
      kind: 'secretChanged',
      change: 'labelUpdated',
      secretId: db.arn,
      label: 'AWSCURRENT',
      versionId,
      movesLabel: true,
      at: new Date().toISOString(),
      eventId: 'label-updated-1',
      account: null,
      region: null,
    };
    // ECS deployment times have second precision: start the redeploy a clear second later.
    await pause(1100);
    const first = await reconcile(rotated);
    const afterFirst = await deploymentIds(clients.ecs);

    expect(first.outcomes.map((o) => [o.serviceArn.split('/').at(-1), o.reason])).toEqual(
      expect.arrayContaining([
        ['web', 'SecretVersionChanged'],
        ['pinned', 'VersionPinned'],
        ['optout', 'OptedOut'],
      ]),
    );
    expect(first.outcomes.map((o) => o.serviceArn)).not.toContainEqual(
      expect.stringMatching(/\/other$/),
    );
    expect(first.outcomes.find((o) => o.type === 'redeploy')?.deploymentId).toBe(
      afterFirst.web,
    );
    expect(afterFirst.web).not.toBe(before.web);
    expect({ ...afterFirst, web: before.web }).toEqual(before);

    const second = await reconcile(rotated);
    const afterResync = await reconcile(resync());
    const afterAll = await deploymentIds(clients.ecs);

    for (const report of [second, afterResync]) {
      expect(report.outcomes.filter((o) => o.outcome === 'succeeded')).toEqual([]);
      expect(report.retryable).toBe(false);
    }
    expect(afterAll).toEqual(afterFirst);
  });
});
