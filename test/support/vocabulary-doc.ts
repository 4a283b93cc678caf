import { FINDINGS, REASONS, SEVERITY_ORDER } from '../../lib/plan/vocabulary.js';

export const BEGIN_MARKER = '<!-- vocabulary:begin -->';
export const END_MARKER = '<!-- vocabulary:end -->';

/** The Markdown tables of finding codes and action reasons, as the README holds them. */
export function renderVocabularyTables(): string {
  const findings = Object.entries(FINDINGS).sort(
    ([codeA, a], [codeB, b]) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      codeA.localeCompare(codeB),
  );
  const lines = [
    BEGIN_MARKER,
    '| Finding code | Severity | Meaning |',
    '|---|---|---|',
    ...findings.map(
      ([code, spec]) => `| \`${code}\` | ${spec.severity} | ${spec.summary} |`,
    ),
    '',
    '| Action reason | Meaning |',
    '|---|---|',
    ...Object.entries(REASONS).map(
      ([reason, summary]) => `| \`${reason}\` | ${summary} |`,
    ),
    END_MARKER,
  ];
  return `${lines.join('\n')}\n`;
}
