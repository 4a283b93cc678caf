import { ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';
import {
  CreateSecretCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { beforeAll, describe, expect, it } from 'vitest';
import { emulatorClientConfig, resetEmulator } from '../support/aws.js';

describe('emulator', () => {
  beforeAll(resetEmulator);

  it('serves ECS and Secrets Manager on loopback when started by the global setup', async () => {
    const config = emulatorClientConfig();
    const secrets = new SecretsManagerClient(config);
    const created = await secrets.send(new CreateSecretCommand({ Name: 'probe' }));
    const clusters = await new ECSClient(config).send(new ListClustersCommand({}));

    expect(new URL(config.endpoint).hostname).toBe('127.0.0.1');
    expect(created.ARN).toMatch(/:secret:probe-[A-Za-z0-9]{6}$/);
    expect(clusters.clusterArns).toEqual([]);
  });
});
