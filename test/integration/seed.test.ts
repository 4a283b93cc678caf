import { DescribeTasksCommand } from '@aws-sdk/client-ecs';
import {
  DescribeSecretCommand,
  ListSecretVersionIdsCommand,
} from '@aws-sdk/client-secrets-manager';
import { beforeAll, describe, expect, it } from 'vitest';
import { rotateSecret, type SeededFleet, seedFleet } from '../../cli/demo/seed.js';
import { createClients } from '../../lib/observe/clients.js';
import { emulatorClientConfig, resetEmulator } from '../support/aws.js';

describe('seed', () => {
  const clients = createClients(emulatorClientConfig());
  let fleet: SeededFleet;

  beforeAll(async () => {
    await resetEmulator();
    fleet = await seedFleet(clients);
  });

  it('starts running tasks in the service group when a service is seeded with tasks', async () => {
    const taskArns = [...(fleet.tasks.web ?? []), ...(fleet.tasks.worker ?? [])];
    const described = await clients.ecs.send(
      new DescribeTasksCommand({ cluster: fleet.clusters.main, tasks: taskArns }),
    );

    expect(described.tasks?.map((task) => task.group).sort()).toEqual([
      `service:${fleet.services.web.name}`,
      `service:${fleet.services.worker.name}`,
    ]);
  });

  it('moves AWSCURRENT to a new version and leaves no AWSPENDING when a secret rotates', async () => {
    const secretId = fleet.secrets.database.arn;

    const versionId = await rotateSecret(clients, secretId);

    const described = await clients.secretsManager.send(
      new DescribeSecretCommand({ SecretId: secretId }),
    );
    const versions = await clients.secretsManager.send(
      new ListSecretVersionIdsCommand({ SecretId: secretId, IncludeDeprecated: true }),
    );
    expect(described.VersionIdsToStages?.[versionId]).toEqual(['AWSCURRENT']);
    expect(
      described.VersionIdsToStages?.[fleet.secrets.database.currentVersionId],
    ).toEqual(['AWSPREVIOUS']);
    expect(versions.Versions?.flatMap((v) => v.VersionStages ?? [])).not.toContain(
      'AWSPENDING',
    );
  });
});
