import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FINDINGS, REASONS } from '../../../lib/plan/vocabulary.js';
import {
  BEGIN_MARKER,
  END_MARKER,
  renderVocabularyTables,
} from '../../support/vocabulary-doc.js';

describe('vocabulary', () => {
  it('is documented in the README exactly as the code defines it', () => {
    const readme = readFileSync('README.md', 'utf8');
    const start = readme.indexOf(BEGIN_MARKER);
    const end = readme.indexOf(END_MARKER) + END_MARKER.length;

    expect(start).toBeGreaterThan(-1);
    expect(`${readme.slice(start, end)}\n`).toBe(renderVocabularyTables());
  });

  it('uses CamelCase names for every code and reason', () => {
    const names = [...Object.keys(FINDINGS), ...Object.keys(REASONS)];

    expect(names.filter((name) => !/^[A-Z][A-Za-z0-9]+$/.test(name))).toEqual([]);
  });
});
