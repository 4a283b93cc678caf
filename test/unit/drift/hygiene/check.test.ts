import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkHygiene } from '../../../../lib/drift/hygiene/index.js';
import type { Consumer } from '../../../../lib/drift/types.js';
import type { ResolvedReference } from '../../../../lib/refs/types.js';
import { TaskDefinitionSchema } from '../../../../lib/snapshot/schema.js';
import type { Secret } from '../../../../lib/snapshot/types.js';
import { buildSecret, buildSnapshot } from '../../../support/snapshots.js';

const NOW = new Date('2024-05-01T12:00:00Z');
const SECRET_ARN =
  'arn:aws:secretsmanager:us-east-1:111122223333:secret:payments/db-AbC123';
const hoursAgo = (hours: number) =>
  new Date(NOW.getTime() - hours * 3_600_000).toISOString();

type Raw = { containerDefinitions: Record<string, unknown>[] } & Record<string, unknown>;
const RAW: Raw = JSON.parse(
  readFileSync(new URL('./fixtures/task-definition.json', import.meta.url), 'utf8'),
);

type Setup = {
  environment?: { name: string; value: string }[];
  logOptions?: Record<string, string>;
  platformVersion?: string | null;
  launchType?: string;
  jsonKey?: string | null;
  versionStage?: string;
  versionId?: string;
  rotation?: { pendingHours?: number; nextRotationHours?: number; enabled?: boolean };
  failedRotations?: string[];
};

function secretFor(rotation: Setup['rotation']): Secret {
  const versions: Record<string, { stages: string[]; createdAt: string }> = {
    v1: { stages: ['AWSCURRENT'], createdAt: hoursAgo(24 * 30) },
  };
  if (rotation?.pendingHours !== undefined) {
    versions.v2 = { stages: ['AWSPENDING'], createdAt: hoursAgo(rotation.pendingHours) };
  }
  const next = rotation?.nextRotationHours;
  const snapshot = buildSnapshot({
    secrets: [
      {
        ...buildSecret({ name: 'payments/db', versions }),
        RotationEnabled: rotation?.enabled ?? rotation !== undefined,
        ...(next === undefined ? {} : { NextRotationDate: hoursAgo(next) }),
      },
    ],
  });
  return snapshot.secrets[0] as Secret;
}

function run(setup: Setup) {
  const raw = structuredClone(RAW);
  const container = raw.containerDefinitions[0] as Record<string, unknown>;
  container.environment = [
    ...(container.environment as unknown[]),
    ...(setup.environment ?? []),
  ];
  const logging = container.logConfiguration as { options: Record<string, string> };
  logging.options = { ...logging.options, ...setup.logOptions };
  const taskDefinition = TaskDefinitionSchema.parse(raw);

  const consumer: Consumer = {
    kind: 'service',
    arn: 'arn:aws:ecs:us-east-1:111122223333:service/main/payments',
    clusterArn: 'arn:aws:ecs:us-east-1:111122223333:cluster/main',
    taskDefinition,
    network: null,
    launchType: setup.launchType ?? 'FARGATE',
    platformVersion:
      setup.platformVersion === undefined ? 'LATEST' : setup.platformVersion,
  };
  const jsonKey = setup.jsonKey === undefined ? 'password' : setup.jsonKey;
  const ref: ResolvedReference = {
    secretArn: SECRET_ARN,
    serviceArn: consumer.arn,
    taskDefinitionArn: taskDefinition.taskDefinitionArn,
    container: 'api',
    kind: 'environment',
    name: 'DB_PASSWORD',
    jsonKey,
    versionStage: setup.versionStage ?? null,
    versionId: setup.versionId ?? null,
    valueFrom: `${SECRET_ARN}:${jsonKey ?? ''}:${setup.versionStage ?? ''}:${setup.versionId ?? ''}`,
    secret: secretFor(setup.rotation),
    store: 'secretsmanager',
  };
  const context = { now: NOW, failedRotations: setup.failedRotations ?? [] };
  return checkHygiene(buildSnapshot(), consumer, [ref], context);
}

describe('check', () => {
  it.each<{ name: string; setup: Setup; codes: string[] }>([
    {
      name: 'flags a password set in plaintext when the name says password',
      setup: { environment: [{ name: 'DB_PASSWORD', value: 'hunter22' }] },
      codes: ['PlaintextSecretInEnvironment'],
    },
    {
      name: 'stays quiet when the variable only names the secret file',
      setup: { environment: [{ name: 'SECRET_FILE', value: '/run/secrets/api' }] },
      codes: [],
    },
    {
      name: 'flags a log driver token when it sits in plaintext options',
      setup: { logOptions: { 'splunk-token': '5f1e3b2a-9c47-4d1e-8f3a-2b6c9d0e1f2a' } },
      codes: ['PlaintextSecretInLogOptions'],
    },
    {
      name: 'stays quiet when log options hold only endpoints and names',
      setup: { logOptions: { 'splunk-source': 'payments-api' } },
      codes: [],
    },
    {
      name: 'flags rotation when AWSPENDING has waited past the threshold',
      setup: { rotation: { pendingHours: 10 } },
      codes: ['RotationFailed'],
    },
    {
      name: 'stays quiet when AWSPENDING is younger than the threshold',
      setup: { rotation: { pendingHours: 2 } },
      codes: [],
    },
    {
      name: 'stays quiet when rotation is off even with an old AWSPENDING',
      setup: { rotation: { pendingHours: 48, enabled: false } },
      codes: [],
    },
    {
      name: 'flags rotation when NextRotationDate is two days past',
      setup: { rotation: { nextRotationHours: 48 } },
      codes: ['RotationFailed'],
    },
    {
      name: 'stays quiet when NextRotationDate passed only hours ago',
      setup: { rotation: { nextRotationHours: 3 } },
      codes: [],
    },
    {
      name: 'flags rotation when an event reported it failed',
      setup: { failedRotations: [SECRET_ARN] },
      codes: ['RotationFailed'],
    },
    {
      name: 'stays quiet when the failed rotation event names another secret',
      setup: { failedRotations: [`${SECRET_ARN}x`] },
      codes: [],
    },
    {
      name: 'flags a platform before 1.4.0 when a reference uses a JSON key',
      setup: { platformVersion: '1.3.0' },
      codes: ['PlatformVersionTooOld'],
    },
    {
      name: 'stays quiet on platform 1.4.0 with a JSON key',
      setup: { platformVersion: '1.4.0' },
      codes: [],
    },
    {
      name: 'compares versions as numbers when the minor part has two digits',
      setup: { platformVersion: '1.10.0' },
      codes: [],
    },
    {
      name: 'stays quiet on LATEST with a JSON key',
      setup: { platformVersion: 'LATEST' },
      codes: [],
    },
    {
      name: 'stays quiet on an old platform when no reference needs a JSON key',
      setup: { platformVersion: '1.3.0', jsonKey: null },
      codes: [],
    },
    {
      name: 'flags a platform before 1.4.0 when a reference names a version stage',
      setup: { platformVersion: '1.3.0', jsonKey: null, versionStage: 'AWSPREVIOUS' },
      codes: ['PlatformVersionTooOld'],
    },
    {
      name: 'flags a platform before 1.4.0 when a reference pins a version id',
      setup: {
        platformVersion: '1.3.0',
        jsonKey: null,
        versionId: '2a4c6e80-1b3d-4f5a-9c7e-0d2f4b6a8c1e',
      },
      codes: ['PlatformVersionTooOld'],
    },
    {
      name: 'stays quiet on platform 1.4.0 with a version stage',
      setup: { platformVersion: '1.4.0', jsonKey: null, versionStage: 'AWSPREVIOUS' },
      codes: [],
    },
    {
      name: 'stays quiet on the EC2 launch type whatever the platform field says',
      setup: { platformVersion: '1.3.0', launchType: 'EC2' },
      codes: [],
    },
  ])('$name', ({ setup, codes }) => {
    expect(run(setup).map((finding) => finding.code)).toEqual(codes);
  });

  it('never copies a plaintext value into the finding', () => {
    const value = 'Tr0ub4dor&3-horse-battery';

    const findings = run({
      environment: [{ name: 'ADMIN_PASSWORD', value }],
      logOptions: { 'dd-api-key': value },
    });

    expect(findings.map((finding) => finding.code)).toEqual([
      'PlaintextSecretInEnvironment',
      'PlaintextSecretInLogOptions',
    ]);
    expect(JSON.stringify(findings)).not.toContain(value);
    expect(JSON.stringify(findings)).not.toContain(value.slice(0, 4));
    expect(findings[0]).toMatchObject({
      severity: 'high',
      evidence: {
        container: 'api',
        variable: 'ADMIN_PASSWORD',
        rule: 'name:PASSWORD',
        matchedBy: 'name',
        length: value.length,
      },
    });
  });

  it('explains a stale AWSPENDING with its version, age and threshold', () => {
    const [finding] = run({ rotation: { pendingHours: 10 } });

    expect(finding).toMatchObject({
      code: 'RotationFailed',
      secretArn: SECRET_ARN,
      evidence: {
        signals: [
          { rule: 'stalePending', versionId: 'v2', ageHours: 10, thresholdHours: 6 },
        ],
      },
    });
  });
});
