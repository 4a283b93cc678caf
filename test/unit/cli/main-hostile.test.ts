import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotFixturePath } from '../../support/snapshots.js';
import { run } from './run.js';

const SNAPSHOT = snapshotFixturePath('minimal');

function file(content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cli-hostile-')), 'input.json');
  writeFileSync(path, content);
  return path;
}

describe('main (hostile input)', () => {
  it.each<[string, () => string, string]>([
    ['a directory', () => mkdtempSync(join(tmpdir(), 'cli-hostile-')), 'EISDIR'],
    ['an empty file', () => file(''), 'unexpected end of input'],
    ['binary garbage', () => file(Buffer.from([0xff, 0xfe, 0x00, 0x80])), 'invalid JSON'],
    ['JSON null', () => file('null'), 'expected an object, got null'],
    [
      'truncated JSON nested 200,000 deep',
      () => file('['.repeat(200_000)),
      'nested more',
    ],
  ])(
    'exits 2 with a clear message when the snapshot is %s',
    async (_case, path, text) => {
      const result = await run(['plan', '--snapshot', path()]);

      expect(result.code).toBe(2);
      expect(result.stderr).toContain(text);
      expect(result.stderr).not.toContain('unexpected error');
    },
  );

  it.each<[string, () => string, string]>([
    ['a directory', () => mkdtempSync(join(tmpdir(), 'cli-hostile-')), 'EISDIR'],
    ['an array', () => file('[]'), 'NotAnObject'],
    ['JSON null', () => file('null'), 'NotAnObject'],
    [
      'a manual payload naming clusters as a string',
      () => file('{"scope":{"clusters":"prod"}}'),
      'scope.clusters',
    ],
    [
      'a manual payload with an extra key',
      () => file('{"scope":"all","force":true}'),
      'InvalidField',
    ],
    ['NUL bytes', () => file('\0\0'), 'line 1, column 1'],
  ])('exits 2 with a clear message when the event is %s', async (_case, path, text) => {
    const result = await run(['plan', '--snapshot', SNAPSHOT, '--event', path()]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(text);
  });

  it('names the position of a JSON error in an event without quoting the text', async () => {
    const path = file('{\n  "scope": "all",\n  "note": hunter2-plaintext\n}');

    const result = await run(['plan', '--snapshot', SNAPSHOT, '--event', path]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('line 3, column 11');
    expect(result.stderr).not.toContain('hunter2');
  });
});
