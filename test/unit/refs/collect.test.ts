import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../lib/plan/types.js';
import {
  collectReferences,
  collectTaskReferences,
  type ResolvedReference,
  toPlanReference,
} from '../../../lib/refs/index.js';
import { SnapshotSchema } from '../../../lib/snapshot/schema.js';
import type {
  Snapshot,
  SnapshotInput,
  TaskDefinition,
} from '../../../lib/snapshot/types.js';

const ACCOUNT = '111122223333';
const SM = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:`;
const DB = `${SM}db-password-AbCdEf`;
const API = `${SM}api-key-XyZ987`;
const SPLUNK = `${SM}splunk-token-Sp1Sp2`;
const REGISTRY = `${SM}registry-creds-Rg1Rg2`;
const OLD = `${SM}old-token-Od1Od2`;
const TRAP_NAME = `${SM}app-a1b2c3-Qw3rTy`;
const TRAP_SUFFIX = `${SM}app-a1b2c3`;
const SHARED = 'arn:aws:secretsmanager:us-east-1:444455556666:secret:shared-Sh1Sh2';
const SERVICE = `arn:aws:ecs:us-east-1:${ACCOUNT}:service/payments-prod/payments-api`;
const TASK_DEF = `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/payments-api:7`;
const TASK = `arn:aws:ecs:us-east-1:${ACCOUNT}:task/payments-prod/0123456789abcdef`;
const CURRENT = '0e3b4d6a-8f21-4c6e-9b7a-2d5f1c0a9e84';
const UNKNOWN = '99999999-8f21-4c6e-9b7a-2d5f1c0a9e84';
const PLAINTEXT = 'hunter2-plaintext-value';

/** A snapshot of account 111122223333 in us-east-1 with the given sections. */
function snapshotOf(parts: Partial<SnapshotInput>): Snapshot {
  return SnapshotSchema.parse({
    schemaVersion: 1,
    capturedAt: '2024-05-01T12:00:00Z',
    account: ACCOUNT,
    region: 'us-east-1',
    clusters: [],
    services: [],
    taskDefinitions: [],
    secrets: [],
    ...parts,
  } satisfies SnapshotInput);
}

const secret = (arn: string, name: string, extra: Record<string, unknown> = {}) => ({
  ARN: arn,
  Name: name,
  ...extra,
});

const SNAPSHOT = snapshotOf({
  secrets: [
    secret(DB, 'db-password', { VersionIdsToStages: { [CURRENT]: ['AWSCURRENT'] } }),
    secret(API, 'api-key'),
    secret(SPLUNK, 'splunk-token'),
    secret(REGISTRY, 'registry-creds'),
    secret(OLD, 'old-token', { DeletedDate: '2024-04-30T00:00:00Z' }),
    secret(TRAP_NAME, 'app-a1b2c3'),
    secret(TRAP_SUFFIX, 'app'),
  ],
  ssmParameters: [{ Name: '/prod/feature-flags' }],
  services: [
    {
      serviceArn: SERVICE,
      serviceName: 'payments-api',
      clusterArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/payments-prod`,
      status: 'ACTIVE',
      taskDefinition: TASK_DEF,
      tags: [{ key: 'secret-reconciler/secrets', value: ' api-key , ,nope,api-key' }],
    },
  ],
  taskDefinitions: [
    {
      taskDefinitionArn: TASK_DEF,
      family: 'payments-api',
      revision: 7,
      containerDefinitions: [
        {
          name: 'web',
          secrets: [
            { name: 'DB_PASSWORD', valueFrom: DB },
            { name: 'API_USER', valueFrom: `${SM}api-key:user:AWSCURRENT:` },
            { name: 'BROKEN', valueFrom: `${SM}db-password:user` },
            { name: 'WRONG_STORE', valueFrom: 'db-password' },
            { name: 'FLAGS', valueFrom: '/prod/feature-flags' },
            { name: 'MISSING_PARAM', valueFrom: '/prod/absent' },
            { name: 'VIA_SSM', valueFrom: '/aws/reference/secretsmanager/db-password' },
          ],
          logConfiguration: {
            logDriver: 'splunk',
            secretOptions: [{ name: 'splunk-token', valueFrom: `${SM}splunk-token` }],
          },
          repositoryCredentials: { credentialsParameter: 'registry-creds' },
          environment: [
            { name: 'STAGE', value: 'prod' },
            { name: 'LEGACY_PASSWORD', value: PLAINTEXT },
            { name: 'API_KEY_ARN', value: API },
          ],
        },
        {
          name: 'worker',
          secrets: [
            { name: 'GONE', valueFrom: `${SM}does-not-exist` },
            { name: 'OLD', valueFrom: OLD },
            { name: 'PINNED', valueFrom: `${DB}:::${UNKNOWN}` },
            { name: 'AMBIGUOUS', valueFrom: `${SM}app-a1b2c3` },
            { name: 'SHARED', valueFrom: SHARED },
            { name: 'SWAPPED', valueFrom: `${DB}:::AWSCURRENT` },
            { name: 'NESTED', valueFrom: `${DB}:conn.password::` },
          ],
        },
      ],
    },
  ],
});

const SERVICE_OBJECT = SNAPSHOT.services[0]!;
const TASK_DEFINITION = SNAPSHOT.taskDefinitions[0]!;

type RefRow = [
  container: string | null,
  kind: string,
  name: string,
  secretArn: string | null,
  store: string,
];
const refRow = (r: ResolvedReference): RefRow => [
  r.container,
  r.kind,
  r.name,
  r.secretArn,
  r.store,
];

type FindingRow = [
  code: string,
  severity: string,
  name: unknown,
  secretArn: string | null,
];
const findingRow = (f: Finding): FindingRow => [
  f.code,
  f.severity,
  f.evidence.name,
  f.secretArn,
];

type Case = {
  code: string;
  when: string;
  secrets?: { name: string; valueFrom: string }[];
  environment?: { name: string; value: string }[];
  parameters?: string[];
};

/** One container reading the given entries, collected against SNAPSHOT's secrets. */
function codesFor({ secrets = [], environment = [], parameters }: Case): string[] {
  const snapshot =
    parameters === undefined
      ? SNAPSHOT
      : { ...SNAPSHOT, ssmParameters: parameters.map((Name) => ({ Name })) };
  const taskDefinition: TaskDefinition = {
    ...TASK_DEFINITION,
    containerDefinitions: [{ name: 'web', secrets, environment }],
  };
  const untagged = { ...SERVICE_OBJECT, tags: [] };
  return collectReferences(snapshot, untagged, taskDefinition).findings.map(
    (f) => f.code,
  );
}

const secretFrom = (valueFrom: string) => [{ name: 'VALUE', valueFrom }];

const cases: { raise: Case; nearMiss: Case }[] = [
  {
    raise: {
      code: 'InvalidValueFrom',
      when: 'a JSON key is given without the stage and id fields',
      secrets: secretFrom(`${SM}db-password:user`),
    },
    nearMiss: {
      code: 'InvalidValueFrom',
      when: 'the JSON key is followed by the empty stage and id fields',
      secrets: secretFrom(`${SM}db-password:user::`),
    },
  },
  {
    raise: {
      code: 'AmbiguousPartialArn',
      when: 'a partial ARN also ends like a name with a random suffix',
      secrets: secretFrom(TRAP_SUFFIX),
    },
    nearMiss: {
      code: 'AmbiguousPartialArn',
      when: 'the full ARN names one of the two candidates',
      secrets: secretFrom(TRAP_NAME),
    },
  },
  {
    raise: {
      code: 'SecretNotFound',
      when: 'no secret has the name',
      secrets: secretFrom(`${SM}does-not-exist`),
    },
    nearMiss: {
      code: 'SecretNotFound',
      when: 'a partial ARN names an existing secret',
      secrets: secretFrom(`${SM}db-password`),
    },
  },
  {
    raise: {
      code: 'SecretPendingDeletion',
      when: 'the secret has a deletion date',
      secrets: secretFrom(OLD),
    },
    nearMiss: {
      code: 'SecretPendingDeletion',
      when: 'the secret has no deletion date',
      secrets: secretFrom(DB),
    },
  },
  {
    raise: {
      code: 'MalformedVersionReference',
      when: 'a stage sits in the version id field',
      secrets: secretFrom(`${DB}:::AWSCURRENT`),
    },
    nearMiss: {
      code: 'MalformedVersionReference',
      when: 'the stage sits in the stage field',
      secrets: secretFrom(`${DB}::AWSCURRENT:`),
    },
  },
  {
    raise: {
      code: 'UnsupportedNestedJsonKey',
      when: 'the JSON key is a dotted path',
      secrets: secretFrom(`${DB}:conn.password::`),
    },
    nearMiss: {
      code: 'UnsupportedNestedJsonKey',
      when: 'the JSON key is a top-level key',
      secrets: secretFrom(`${DB}:password::`),
    },
  },
  {
    raise: {
      code: 'LikelyWrongStore',
      when: 'a bare name is no parameter but is a secret',
      secrets: secretFrom('db-password'),
    },
    nearMiss: {
      code: 'LikelyWrongStore',
      when: 'a bare name that is a secret is also a parameter',
      secrets: secretFrom('db-password'),
      parameters: ['db-password'],
    },
  },
  {
    raise: {
      code: 'SsmParameterNotFound',
      when: 'a parameter path is not in the snapshot',
      secrets: secretFrom('/prod/absent'),
    },
    nearMiss: {
      code: 'SsmParameterNotFound',
      when: 'the parameter path is in the snapshot',
      secrets: secretFrom('/prod/feature-flags'),
    },
  },
  {
    raise: {
      code: 'VersionNotFound',
      when: 'the pinned version id is not on the secret',
      secrets: secretFrom(`${DB}:::${UNKNOWN}`),
    },
    nearMiss: {
      code: 'VersionNotFound',
      when: 'the pinned version id is on the secret',
      secrets: secretFrom(`${DB}:::${CURRENT}`),
    },
  },
  {
    raise: {
      code: 'SecretArnInEnvironment',
      when: 'an environment variable holds a secret ARN',
      environment: [{ name: 'API_KEY_ARN', value: API }],
    },
    nearMiss: {
      code: 'SecretArnInEnvironment',
      when: 'an environment variable holds a parameter ARN',
      environment: [
        {
          name: 'FLAGS_ARN',
          value: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/prod/feature-flags`,
        },
      ],
    },
  },
];

describe('collect', () => {
  const result = collectReferences(SNAPSHOT, SERVICE_OBJECT, TASK_DEFINITION);

  it('lists references in container order, then entry order, then the tag', () => {
    expect(result.references.map(refRow)).toEqual<RefRow[]>([
      ['web', 'environment', 'DB_PASSWORD', DB, 'secretsmanager'],
      ['web', 'environment', 'API_USER', API, 'secretsmanager'],
      ['web', 'environment', 'BROKEN', null, 'invalid'],
      ['web', 'environment', 'WRONG_STORE', null, 'ssm'],
      ['web', 'environment', 'FLAGS', null, 'ssm'],
      ['web', 'environment', 'MISSING_PARAM', null, 'ssm'],
      ['web', 'ssmReference', 'VIA_SSM', DB, 'ssm'],
      ['web', 'logOption', 'splunk-token', SPLUNK, 'secretsmanager'],
      ['web', 'registryAuth', 'repositoryCredentials', REGISTRY, 'secretsmanager'],
      ['web', 'runtime', 'API_KEY_ARN', API, 'secretsmanager'],
      ['worker', 'environment', 'GONE', null, 'secretsmanager'],
      ['worker', 'environment', 'OLD', OLD, 'secretsmanager'],
      ['worker', 'environment', 'PINNED', DB, 'secretsmanager'],
      ['worker', 'environment', 'AMBIGUOUS', null, 'secretsmanager'],
      ['worker', 'environment', 'SHARED', SHARED, 'secretsmanager'],
      ['worker', 'environment', 'SWAPPED', DB, 'invalid'],
      ['worker', 'environment', 'NESTED', DB, 'secretsmanager'],
      [null, 'runtime', 'secret-reconciler/secrets', API, 'secretsmanager'],
      [null, 'runtime', 'secret-reconciler/secrets', null, 'secretsmanager'],
    ]);
  });

  it('reports each broken reference with its code, severity and secret', () => {
    expect(result.findings.map(findingRow)).toEqual<FindingRow[]>([
      ['InvalidValueFrom', 'critical', 'BROKEN', null],
      ['LikelyWrongStore', 'critical', 'WRONG_STORE', DB],
      ['SsmParameterNotFound', 'critical', 'MISSING_PARAM', null],
      ['SecretArnInEnvironment', 'low', 'API_KEY_ARN', API],
      ['SecretNotFound', 'critical', 'GONE', null],
      ['SecretPendingDeletion', 'critical', 'OLD', OLD],
      ['VersionNotFound', 'critical', 'PINNED', DB],
      ['AmbiguousPartialArn', 'high', 'AMBIGUOUS', null],
      ['SecretOutsideSnapshot', 'info', 'SHARED', SHARED],
      ['MalformedVersionReference', 'critical', 'SWAPPED', DB],
      ['UnsupportedNestedJsonKey', 'medium', 'NESTED', DB],
      ['SecretNotFound', 'high', 'secret-reconciler/secrets', null],
    ]);
  });

  it.each(cases.map((c) => c.raise))('raises $code when $when', (spec) => {
    expect(codesFor(spec)).toContain(spec.code);
  });

  it.each(cases.map((c) => c.nearMiss))('does not raise $code when $when', (spec) => {
    expect(codesFor(spec)).not.toContain(spec.code);
  });

  it('keeps the parsed fields of each reference', () => {
    const byName = new Map(result.references.map((r) => [r.name, r]));

    expect(byName.get('API_USER')).toMatchObject({
      jsonKey: 'user',
      versionStage: 'AWSCURRENT',
      versionId: null,
      valueFrom: `${SM}api-key:user:AWSCURRENT:`,
      serviceArn: SERVICE,
      taskDefinitionArn: TASK_DEF,
    });
    expect(byName.get('PINNED')).toMatchObject({
      versionId: UNKNOWN,
      versionStage: null,
    });
    expect(byName.get('VIA_SSM')?.secret?.Name).toBe('db-password');
  });

  it('names the consumer, container and variable in every finding', () => {
    for (const finding of result.findings) {
      expect(finding.resourceArn).toBe(SERVICE);
      expect(finding.evidence).toHaveProperty('valueFrom');
      expect(finding.evidence).toHaveProperty('container');
      expect(finding.message).toContain(String(finding.evidence.name));
      if (finding.evidence.container !== null) {
        expect(finding.message).toContain(`container "${finding.evidence.container}"`);
      }
    }
  });

  it('lists both candidates when a partial ARN is ambiguous', () => {
    const ambiguous = result.findings.find((f) => f.code === 'AmbiguousPartialArn');

    expect(ambiguous?.evidence.candidates).toEqual([TRAP_SUFFIX, TRAP_NAME]);
  });

  it('never copies a plaintext environment value into its output', () => {
    expect(JSON.stringify(result)).not.toContain(PLAINTEXT);
  });

  it('gives the same output when run twice', () => {
    expect(collectReferences(SNAPSHOT, SERVICE_OBJECT, TASK_DEFINITION)).toEqual(result);
  });

  it('strips the resolved secret and store for the plan document', () => {
    const reference = toPlanReference(result.references[0]!);

    expect(Object.keys(reference).sort()).toEqual(
      ['container', 'jsonKey', 'kind', 'name', 'secretArn', 'serviceArn']
        .concat(['taskDefinitionArn', 'valueFrom', 'versionId', 'versionStage'])
        .sort(),
    );
  });

  it('reads only the tag when the service has no task definition', () => {
    const tagOnly = collectReferences(SNAPSHOT, SERVICE_OBJECT, undefined);

    expect(tagOnly.references.map(refRow)).toEqual<RefRow[]>([
      [null, 'runtime', 'secret-reconciler/secrets', API, 'secretsmanager'],
      [null, 'runtime', 'secret-reconciler/secrets', null, 'secretsmanager'],
    ]);
    expect(tagOnly.references[0]?.taskDefinitionArn).toBe(TASK_DEF);
  });

  it('reports a bare name that is also a secret as unverifiable when SSM was not observed', () => {
    const withoutSsm = snapshotOf({ secrets: [secret(DB, 'db-password')] });
    const taskDefinition: TaskDefinition = {
      ...TASK_DEFINITION,
      containerDefinitions: [
        {
          name: 'web',
          environment: [],
          secrets: [
            { name: 'WRONG_STORE', valueFrom: 'db-password' },
            { name: 'PARAM', valueFrom: '/prod/absent' },
          ],
        },
      ],
    };

    const untagged = { ...SERVICE_OBJECT, tags: [] };

    const { findings } = collectReferences(withoutSsm, untagged, taskDefinition);

    expect(findings.map(findingRow)).toEqual<FindingRow[]>([
      ['Unverifiable', 'info', 'WRONG_STORE', DB],
    ]);
  });

  it('reports findings against the task for a standalone task', () => {
    const task = {
      taskArn: TASK,
      clusterArn: SERVICE_OBJECT.clusterArn,
      taskDefinitionArn: TASK_DEF,
    };

    const standalone = collectTaskReferences(SNAPSHOT, task, TASK_DEFINITION);

    expect(standalone.references).toHaveLength(17);
    expect(standalone.references.every((r) => r.serviceArn === null)).toBe(true);
    expect(new Set(standalone.findings.map((f) => f.resourceArn))).toEqual(
      new Set([TASK]),
    );
  });
});
