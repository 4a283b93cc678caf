import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadSnapshotFile,
  parseSnapshot,
  SnapshotError,
} from '../../../lib/snapshot/index.js';
import {
  EXAMPLE_FLEET_PATH,
  loadSnapshotFixture,
  snapshotFixturePath,
} from '../../support/snapshots.js';

const minimal = (): Record<string, unknown> =>
  JSON.parse(JSON.stringify(loadSnapshotFixture('minimal')));

const REMOVE = Symbol('remove');
type Key = string | number;

/** A copy of the minimal fixture with the value at `path` replaced (or removed). */
function withChange(path: readonly Key[], value: unknown): unknown {
  const doc = minimal();
  let parent: Record<Key, unknown> = doc;
  for (const key of path.slice(0, -1)) {
    parent = parent[key] as Record<Key, unknown>;
  }
  const last = path.at(-1) as Key;
  if (value === REMOVE) {
    delete parent[last];
  } else {
    parent[last] = value;
  }
  return doc;
}

const record = (overrides: Record<string, unknown>) => ({
  secretArn: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:api/db-Xy12Ab',
  label: 'AWSCURRENT',
  versionId: '6f1c0a2e-1b3d-4c5e-8f70-9a1b2c3d4e5f',
  movedAt: '2024-04-01T00:00:00Z',
  source: 'event',
  ...overrides,
});
const CONTAINER = ['taskDefinitions', 0, 'containerDefinitions', 0];

function parseError(document: unknown): SnapshotError {
  try {
    parseSnapshot(document, 'bad.json');
  } catch (error) {
    if (error instanceof SnapshotError) return error;
    throw error;
  }
  throw new Error('expected a SnapshotError');
}

async function tempFile(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'snapshot-test-'));
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('load', () => {
  it.each([
    ['examples/fleet.json', EXAMPLE_FLEET_PATH],
    ['minimal.json', snapshotFixturePath('minimal')],
    ['cli-shapes.json', snapshotFixturePath('cli-shapes')],
  ])('accepts %s', async (_name, path) => {
    const snapshot = await loadSnapshotFile(path);

    expect(snapshot.schemaVersion).toBe(1);
    expect(snapshot.account).toBe('111122223333');
    expect(snapshot.services.length).toBeGreaterThan(0);
  });

  it('accepts the example fleet with every section observed', async () => {
    const fleet = await loadSnapshotFile(EXAMPLE_FLEET_PATH);

    expect(fleet.clusters.map((c) => c.clusterName)).toEqual([
      'payments-prod',
      'web-prod',
      'batch-prod',
    ]);
    expect(fleet.services.length).toBeGreaterThanOrEqual(12);
    expect(fleet.secrets.length).toBeGreaterThanOrEqual(8);
    expect(fleet.tasks?.length).toBeGreaterThan(0);
    expect(fleet.ssmParameters?.length).toBeGreaterThan(0);
    expect(fleet.iam?.roles.length).toBeGreaterThan(0);
    expect(fleet.kms?.keys.length).toBeGreaterThan(0);
    expect(fleet.ec2?.VpcEndpoints?.length).toBeGreaterThan(0);
    expect(fleet.records?.length).toBeGreaterThan(0);
  });

  it('names every execution and task role of the fleet in its iam section', async () => {
    const fleet = await loadSnapshotFile(EXAMPLE_FLEET_PATH);
    const roles = new Set(fleet.iam?.roles.map((entry) => entry.Role.Arn));
    const named = fleet.taskDefinitions.flatMap((td) =>
      [td.executionRoleArn, td.taskRoleArn].filter((arn) => arn !== undefined),
    );

    expect(named.filter((arn) => !roles.has(arn))).toEqual([]);
  });

  it('keeps fields the schema does not name when the document has them', () => {
    const snapshot = loadSnapshotFixture('cli-shapes');

    expect(snapshot.services[0]).toMatchObject({
      schedulingStrategy: 'REPLICA',
      deploymentController: { type: 'ECS' },
    });
  });

  it('fills defaults when optional lists are absent', () => {
    const doc = minimal() as {
      services: Record<string, unknown>[];
      taskDefinitions: { containerDefinitions: Record<string, unknown>[] }[];
    };
    delete doc.services[0]?.tags;
    delete doc.services[0]?.deployments;
    delete doc.taskDefinitions[0]?.containerDefinitions[0]?.environment;

    const snapshot = parseSnapshot(doc, 'doc.json');

    expect(snapshot.services[0]?.tags).toEqual([]);
    expect(snapshot.services[0]?.deployments).toEqual([]);
    expect(snapshot.taskDefinitions[0]?.containerDefinitions[0]?.environment).toEqual([]);
  });

  it('copies list-secrets SecretVersionsToStages when VersionIdsToStages is absent', () => {
    const snapshot = loadSnapshotFixture('cli-shapes');
    const smtp = snapshot.secrets.find((secret) => secret.Name === 'reports/smtp');

    expect(smtp?.VersionIdsToStages).toEqual({
      '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d': ['AWSCURRENT'],
    });
  });
});

describe('load errors', () => {
  it.each<[string, Key[], unknown, string, string]>([
    [
      'a deployment time that is not a time',
      ['services', 0, 'deployments', 0, 'createdAt'],
      'last Tuesday',
      'services[0].deployments[0].createdAt',
      'expected an ISO-8601 time or epoch seconds',
    ],
    [
      'a deployment time of the wrong type',
      ['services', 0, 'deployments', 0, 'createdAt'],
      true,
      'services[0].deployments[0].createdAt',
      'expected an ISO-8601 time or epoch seconds, got a boolean',
    ],
    [
      'epoch milliseconds where seconds belong',
      ['tasks', 0, 'createdAt'],
      1713949225871,
      'tasks[0].createdAt',
      'expected an ISO-8601 time or epoch seconds',
    ],
    [
      'a date that does not exist',
      ['secrets', 0, 'CreatedDate'],
      '2024-02-30T00:00:00Z',
      'secrets[0].CreatedDate',
      'expected an ISO-8601 time or epoch seconds',
    ],
    [
      'a service without an ARN',
      ['services', 0, 'serviceArn'],
      REMOVE,
      'services[0].serviceArn',
      'expected a string, but it is missing',
    ],
    [
      'a plain string in place of secrets[]',
      [...CONTAINER, 'secrets'],
      'hunter2',
      'taskDefinitions[0].containerDefinitions[0].secrets',
      'expected an array, got a string',
    ],
    [
      'a valueFrom that is a number',
      [...CONTAINER, 'secrets', 0, 'valueFrom'],
      42,
      'taskDefinitions[0].containerDefinitions[0].secrets[0].valueFrom',
      'expected a string, got a number',
    ],
    [
      'an unknown schema version',
      ['schemaVersion'],
      2,
      'schemaVersion',
      'expected 1, got a number',
    ],
    [
      'an account id that is not twelve digits',
      ['account'],
      '1111-2222-3333',
      'account',
      'expected a 12-digit account id',
    ],
    ['an empty region', ['region'], '', 'region', 'expected a non-empty string'],
    [
      'a stage map entry that is a string',
      ['secrets', 0, 'VersionIdsToStages', '6f1c0a2e-1b3d-4c5e-8f70-9a1b2c3d4e5f'],
      'AWSCURRENT',
      'secrets[0].VersionIdsToStages["6f1c0a2e-1b3d-4c5e-8f70-9a1b2c3d4e5f"]',
      'expected an array, got a string',
    ],
    [
      'a resource policy that is a number',
      ['secrets', 0, 'ResourcePolicy'],
      7,
      'secrets[0].ResourcePolicy',
      'expected a policy document (an object or a JSON string), got a number',
    ],
    [
      'a record with an unknown source',
      ['records'],
      [record({ source: 'cloudtrail' })],
      'records[0].source',
      'expected "event", "resync" or "creation", got a string',
    ],
    [
      'a record with a key the schema does not know',
      ['records'],
      [record({ note: 'x' })],
      'records[0]',
      'unexpected key "note"',
    ],
    [
      'the same service twice',
      ['services', 1],
      (minimal().services as unknown[])[0],
      'services[1].serviceArn',
      'expected a unique serviceArn, services[0] has the same',
    ],
    [
      'an iam section without roles',
      ['iam'],
      {},
      'iam.roles',
      'expected an array, but it is missing',
    ],
  ])('reports the path and expectation for %s', (_case, at, value, path, expected) => {
    const error = parseError(withChange(at, value));

    expect(error.issues).toContainEqual({ path, expected });
    expect(error.message).toContain('bad.json');
    expect(error.message).toContain(`${path}: ${expected}`);
  });

  it.each([
    ['an array', [], 'expected an object, got an array'],
    ['null', null, 'expected an object, got null'],
  ])('reports the document itself when it is %s', (_case, document, expected) => {
    const error = parseError(document);

    expect(error.message).toBe(`invalid snapshot bad.json: (document): ${expected}`);
  });

  it('never quotes the offending value when a field is wrong', () => {
    const error = parseError(
      withChange([...CONTAINER, 'environment', 0], {
        name: 'DB_PASSWORD',
        value: { plaintext: 'correct-horse-battery-staple' },
      }),
    );

    expect(error.message).not.toContain('correct-horse');
    expect(error.message).toContain(
      'taskDefinitions[0].containerDefinitions[0].environment[0].value: expected a string, got an object',
    );
  });

  it('lists every problem when there are several', () => {
    const doc = withChange(['region'], '') as { clusters: Record<string, unknown>[] };
    delete doc.clusters[0]?.clusterArn;
    const error = parseError(doc);

    expect(error.issues.map((issue) => issue.path)).toEqual([
      'region',
      'clusters[0].clusterArn',
    ]);
    expect(error.message.split('\n')[0]).toBe('invalid snapshot bad.json: 2 problems');
  });

  it('keeps the zod error as cause', () => {
    const error = parseError(withChange(['region'], REMOVE));

    expect(error.cause).toBeInstanceOf(Error);
    expect(error.source).toBe('bad.json');
  });

  it('names the file and the line and column of invalid JSON', async () => {
    const path = await tempFile(
      'broken.json',
      '{\n  "schemaVersion": 1,\n  "account": }\n',
    );

    const error = await loadSnapshotFile(path).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SnapshotError);
    expect((error as SnapshotError).message).toBe(
      `invalid JSON in snapshot ${path} at line 3, column 14: unexpected '}'`,
    );
    expect((error as SnapshotError).line).toBe(3);
    expect((error as SnapshotError).column).toBe(14);
    expect((error as SnapshotError).cause).toBeInstanceOf(SyntaxError);
  });

  it('reports an empty file as invalid JSON at its start', async () => {
    const path = await tempFile('empty.json', '');

    await expect(loadSnapshotFile(path)).rejects.toThrow(
      `invalid JSON in snapshot ${path} at line 1, column 1: unexpected end of input`,
    );
  });

  it('names the file and the error code when the file cannot be read', async () => {
    const path = join(tmpdir(), 'no-such-dir-for-snapshots', 'fleet.json');

    const error = await loadSnapshotFile(path).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SnapshotError);
    expect((error as SnapshotError).message).toBe(
      `cannot read snapshot ${path}: no such file (ENOENT)`,
    );
    expect((error as SnapshotError).cause).toBeInstanceOf(Error);
  });

  it('reads a file that starts with a byte order mark when the JSON is valid', async () => {
    const text = JSON.stringify(minimal());
    const path = await tempFile('bom.json', `\uFEFF${text}`);

    await expect(loadSnapshotFile(path)).resolves.toMatchObject({ schemaVersion: 1 });
  });

  it('names the schema path with the file when a file does not match', async () => {
    const doc = withChange(['services', 0, 'deployments', 0, 'createdAt'], 'soon');
    const path = await tempFile('bad-time.json', JSON.stringify(doc));

    await expect(loadSnapshotFile(path)).rejects.toThrow(
      `invalid snapshot ${path}: services[0].deployments[0].createdAt: expected an ISO-8601 time or epoch seconds`,
    );
  });
});
