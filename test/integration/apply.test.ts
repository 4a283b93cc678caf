import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import {
  CreateSecretCommand,
  PutSecretValueCommand,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.js';
import { type AwsClients, createClients } from '../../lib/observe/clients.js';
import { ensureTable } from '../../lib/records/index.js';
import { emulatorClientConfig, resetEmulator } from '../support/aws.js';

const TABLE = 'apply-records';

function captureIo(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => err.push(text) },
      env,
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

/** An execution role allowed to read secrets, so the preflight checks pass. */
async function createExecutionRole(clients: AwsClients): Promise<string> {
  const role = await clients.iam.send(
    new CreateRoleCommand({
      RoleName: 'cli-execution',
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
      RoleName: 'cli-execution',
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

async function primaryId(clients: AwsClients): Promise<string | undefined> {
  const described = await clients.ecs.send(
    new DescribeServicesCommand({ cluster: 'cli', services: ['web'] }),
  );
  return described.services?.[0]?.deployments?.find((d) => d.status === 'PRIMARY')?.id;
}

describe('apply', () => {
  let clients: AwsClients;
  let env: Record<string, string>;
  let eventFile: string;

  beforeAll(async () => {
    await resetEmulator();
    const { endpoint, region, credentials } = emulatorClientConfig();
    clients = createClients({ region, endpoint, credentials });
    env = {
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_ENDPOINT_URL: endpoint,
      RECORDS_TABLE: TABLE,
      UPDATE_SERVICE_RATE: '20',
    };
    // The CLI takes credentials from the default chain, as it would on a laptop.
    vi.stubEnv('AWS_ACCESS_KEY_ID', credentials.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey);
    await ensureTable(clients.dynamodb, TABLE);

    const secret = await clients.secretsManager.send(
      new CreateSecretCommand({ Name: 'cli/db', SecretString: `s-${Math.random()}` }),
    );
    const executionRoleArn = await createExecutionRole(clients);
    await clients.ecs.send(new CreateClusterCommand({ clusterName: 'cli' }));
    const registered = await clients.ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'web',
        executionRoleArn,
        containerDefinitions: [
          {
            name: 'app',
            image: 'web:1',
            memory: 128,
            secrets: [{ name: 'DB', valueFrom: secret.ARN! }],
          },
        ],
      }),
    );
    await clients.ecs.send(
      new CreateServiceCommand({
        cluster: 'cli',
        serviceName: 'web',
        taskDefinition: registered.taskDefinition!.taskDefinitionArn!,
        desiredCount: 0,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const put = await clients.secretsManager.send(
      new PutSecretValueCommand({
        SecretId: secret.ARN!,
        SecretString: `r-${Math.random()}`,
      }),
    );

    eventFile = join(mkdtempSync(join(tmpdir(), 'apply-')), 'label-updated.json');
    const event = {
      version: '0',
      id: 'b8c5e2f1-0000-4000-8000-000000000001',
      'detail-type': 'Secret Label Updated',
      source: 'aws.secretsmanager',
      account: '123456789012',
      time: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      region,
      resources: [secret.ARN!],
      detail: { name: 'cli/db', labelUpdated: 'AWSCURRENT', versionId: put.VersionId },
    };
    writeFileSync(eventFile, JSON.stringify(event));
    await new Promise((resolve) => setTimeout(resolve, 1100));
  });

  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('plans a redeploy and changes nothing when dry-running', async () => {
    const before = await primaryId(clients);
    const run = captureIo(env);

    const code = await main(
      ['apply', '--event', eventFile, '--dry-run', '--format', 'json'],
      run.io,
    );

    expect(run.stderr()).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(run.stdout()).actions).toMatchObject([
      { type: 'redeploy', reason: 'SecretVersionChanged' },
    ]);
    expect(await primaryId(clients)).toBe(before);
  });

  it('publishes but touches nothing in observe mode', async () => {
    const before = await primaryId(clients);
    const run = captureIo(env);

    const code = await main(
      ['apply', '--event', eventFile, '--mode', 'observe', '--format', 'json'],
      run.io,
    );

    const report = JSON.parse(run.stdout());
    expect(code).toBe(0);
    expect(report.outcomes).toMatchObject([
      { outcome: 'skipped', reason: 'ObserveMode' },
    ]);
    expect(report.published.sent).toBeGreaterThan(0);
    expect(await primaryId(clients)).toBe(before);
  });

  it('redeploys the consumer and prints its new deployment when enforcing', async () => {
    const run = captureIo(env);

    const code = await main(['apply', '--event', eventFile], run.io);

    const after = await primaryId(clients);
    expect(code).toBe(0);
    expect(run.stdout()).toContain('OUTCOMES (1)');
    expect(run.stdout()).toContain(`deployment ${after}`);
  });
});
