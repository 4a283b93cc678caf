import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const PURE_AREAS = ['lib/decide', 'lib/drift', 'lib/refs'];

/** What a pure module may not do: reach the SDK, the file system, the environment or the clock. */
const IMPURE = [
  { what: 'an AWS SDK import', pattern: /from '@aws-sdk\// },
  { what: 'a Node built-in import', pattern: /from 'node:/ },
  { what: 'process.env', pattern: /process\.env/ },
  { what: 'a clock read', pattern: /Date\.now\(|new Date\(\)/ },
  { what: 'randomness', pattern: /Math\.random\(|randomUUID/ },
];

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

function relativeImports(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)].map(
    (m) => m[1] ?? '',
  );
  return specifiers.map((spec) => resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
}

/** Every module the pure areas load, following relative imports, type-only ones excepted. */
function reachable(): Map<string, string> {
  const seen = new Map<string, string>();
  const queue = PURE_AREAS.flatMap((area) => sourcesUnder(resolve(area)));
  while (queue.length > 0) {
    const file = queue.pop() ?? '';
    if (seen.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    const loaded = text
      .split('\n')
      .filter((line) => !/^\s*(import|export) type /.test(line))
      .join('\n');
    seen.set(file, loaded);
    queue.push(...relativeImports(file, loaded));
  }
  return seen;
}

describe('pure areas (lib/decide, lib/drift, lib/refs)', () => {
  const modules = reachable();

  it('loads a known set of modules', () => {
    expect(modules.size).toBeGreaterThan(30);
  });

  it.each(IMPURE)('reach no module with $what', ({ pattern }) => {
    const offenders = [...modules]
      .filter(([, text]) => pattern.test(text))
      .map(([file]) => relative(process.cwd(), file));

    expect(offenders).toEqual([]);
  });
});
