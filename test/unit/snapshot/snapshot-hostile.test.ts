import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadSnapshotFile,
  parseSnapshot,
  SnapshotError,
} from '../../../lib/snapshot/index.js';
import { normaliseTimestamp } from '../../../lib/snapshot/timestamp.js';
import { snapshotFixturePath } from '../../support/snapshots.js';

type Doc = Record<string, unknown>;

/** A fresh copy of the minimal fixture as plain JSON, for mutating. */
function minimal(): Doc {
  return JSON.parse(readFileSync(snapshotFixturePath('minimal'), 'utf8')) as Doc;
}

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: [value] };
  return value;
}

function withSection(key: string, value: unknown): Doc {
  return { ...minimal(), [key]: value };
}

function services(doc: Doc): Doc[] {
  return doc.services as Doc[];
}

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}

describe('snapshot (hostile input)', () => {
  it.each<[string, unknown, string]>([
    ['null', null, '(document): expected an object, got null'],
    ['an array', [], '(document): expected an object, got an array'],
    ['a string', 'snapshot', '(document): expected an object, got a string'],
    [
      'a missing section',
      { ...minimal(), services: undefined },
      'services: expected an array',
    ],
    [
      'a section of the wrong type',
      withSection('services', {}),
      'services: expected an array, got an object',
    ],
    [
      'a section of numbers',
      withSection('clusters', [1, 2]),
      'clusters[0]: expected an object',
    ],
    [
      'a wrong schema version',
      withSection('schemaVersion', 2),
      'schemaVersion: expected 1',
    ],
    [
      'a short account',
      withSection('account', '1234'),
      'account: expected a 12-digit account id',
    ],
    ['an empty region', withSection('region', ''), 'region: expected a non-empty string'],
    [
      'an epoch in milliseconds',
      withSection('capturedAt', 1714557600123),
      'capturedAt: expected an ISO-8601 time',
    ],
    [
      'a negative epoch',
      withSection('capturedAt', -1),
      'capturedAt: expected an ISO-8601 time',
    ],
    [
      'a date past year 9999',
      withSection('capturedAt', '9999-12-31T23:59:59-05:00'),
      'capturedAt: expected an ISO-8601 time',
    ],
    [
      'an offset beyond 24 hours',
      withSection('capturedAt', '2024-05-01T12:00:00+99:99'),
      'capturedAt: expected an ISO-8601 time',
    ],
    [
      'a year before 100',
      withSection('capturedAt', '0050-01-01T00:00:00Z'),
      'capturedAt: expected an ISO-8601 time',
    ],
    [
      'an object for a timestamp',
      withSection('capturedAt', { $date: 1 }),
      'capturedAt: expected an ISO-8601 time',
    ],
    [
      'a duplicated service ARN',
      (() => {
        const doc = minimal();
        return { ...doc, services: [...services(doc), ...services(doc)] };
      })(),
      'services[1].serviceArn: expected a unique serviceArn',
    ],
    [
      'a stage map holding a string',
      withSection('secrets', [
        { ARN: 'a', Name: 'n', VersionIdsToStages: { 'a.b c': 'x' } },
      ]),
      'secrets[0].VersionIdsToStages["a.b c"]: expected an array, got a string',
    ],
    [
      'a deployment with a junk date',
      (() => {
        const doc = minimal();
        const [service] = services(doc);
        return withSection('services', [
          {
            ...service,
            deployments: [{ id: 'd', status: 'PRIMARY', createdAt: 'soon' }],
          },
        ]);
      })(),
      'services[0].deployments[0].createdAt: expected an ISO-8601 time',
    ],
  ])('rejects %s with a SnapshotError naming the path', (_case, document, expected) => {
    const error = caught(() => parseSnapshot(document, 'hostile.json'));

    expect(error).toBeInstanceOf(SnapshotError);
    expect((error as SnapshotError).message).toContain(expected);
  });

  it.each<[string, Doc]>([
    ['deeply nested junk at the root', withSection('junk', nested(50_000))],
    [
      'deeply nested junk in a policy',
      withSection('secrets', [{ ARN: 'a', Name: 'n', ResourcePolicy: nested(50_000) }]),
    ],
    ['a service whose task definition is absent', withSection('taskDefinitions', [])],
    [
      'a service with no PRIMARY deployment',
      (() => {
        const doc = minimal();
        const [service] = services(doc);
        return withSection('services', [{ ...service, deployments: [] }]);
      })(),
    ],
    [
      'the latest four-digit-year instant',
      withSection('capturedAt', '9999-12-31T23:59:59Z'),
    ],
  ])('loads %s', (_case, document) => {
    expect(() => parseSnapshot(document, 'odd.json')).not.toThrow();
  });

  it('lists ten problems and counts the rest when a huge array is all wrong', () => {
    const document = withSection(
      'services',
      Array.from({ length: 5_000 }, () => 1),
    );

    const error = caught(() => parseSnapshot(document, 'huge.json'));

    expect(error).toBeInstanceOf(SnapshotError);
    expect((error as SnapshotError).issues).toHaveLength(5_000);
    expect((error as SnapshotError).message).toContain('and 4990 more');
  });

  it.each<[string, string | Buffer, string]>([
    ['an empty file', '', 'line 1, column 1: unexpected end of input'],
    ['binary garbage', Buffer.from([0xff, 0xfe, 0x00, 0x80]), 'line 1, column 1'],
    ['NUL bytes', '\0\0', 'line 1, column 1: unexpected character'],
    ['JSON null', 'null', '(document): expected an object, got null'],
    ['a byte order mark only', '\uFEFF', 'unexpected end of input'],
    ['unclosed arrays nested 200,000 deep', '['.repeat(200_000), 'nested more than'],
    ['unclosed objects nested 100,000 deep', '{"a":'.repeat(100_000), 'nested more than'],
  ])('turns %s into a SnapshotError', async (_case, content, expected) => {
    const dir = mkdtempSync(join(tmpdir(), 'snapshot-hostile-'));
    const path = join(dir, 'snapshot.json');
    writeFileSync(path, content);

    const error = await loadSnapshotFile(path).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SnapshotError);
    expect((error as SnapshotError).message).toContain(expected);
  });

  it('turns a directory into a SnapshotError', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snapshot-hostile-'));

    const error = await loadSnapshotFile(dir).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SnapshotError);
    expect((error as SnapshotError).message).toContain('EISDIR');
  });

  it.each<[string, string]>([
    ['a year past 9999 after the offset', '9999-12-31T23:00:00-02:00'],
    ['a year before 0000 after the offset', '0000-01-01T00:30:00+01:00'],
    ['an offset of 99 hours', '2024-05-01T12:00:00+99:00'],
    ['an offset with 75 minutes', '2024-05-01T12:00:00+01:75'],
  ])('normaliseTimestamp refuses %s', (_case, text) => {
    expect(normaliseTimestamp(text)).toBeNull();
  });
});
