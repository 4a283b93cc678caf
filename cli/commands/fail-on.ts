import { InvalidArgumentError, Option } from 'commander';
import type { Finding } from '../../lib/plan/types.js';
import {
  SEVERITY_ORDER,
  type Severity,
  severityRank,
} from '../../lib/plan/vocabulary.js';

/** A finding at or above the --fail-on severity exists (exit code 3). */
export class FindingsAtSeverityError extends Error {
  override readonly name = 'FindingsAtSeverityError';
}

/** A severity in any case: the table prints them upper case. */
function parseSeverity(value: string): Severity {
  const lower = value.toLowerCase();
  const known = SEVERITY_ORDER.find((severity) => severity === lower);
  if (known === undefined) {
    throw new InvalidArgumentError(`Allowed choices are ${SEVERITY_ORDER.join(', ')}.`);
  }
  return known;
}

/** `--fail-on SEVERITY`: exit 3 after printing when a finding is that bad or worse. */
export function failOnOption(): Option {
  // choices() lists the severities in --help; the parser then takes any case.
  return new Option(
    '--fail-on <severity>',
    'exit 3 when a finding at or above this severity exists',
  )
    .choices(SEVERITY_ORDER)
    .argParser(parseSeverity);
}

/** Throws FindingsAtSeverityError when any finding is at or above `threshold`. */
export function checkFailOn(findings: Finding[], threshold: Severity | undefined): void {
  if (threshold === undefined) return;
  const limit = severityRank(threshold);
  const hits = findings.filter((finding) => severityRank(finding.severity) >= limit);
  if (hits.length === 0) return;

  const codes = [...new Set(hits.map((finding) => finding.code))].sort();
  throw new FindingsAtSeverityError(
    `${hits.length} finding(s) at or above ${threshold}: ${codes.join(', ')}`,
  );
}
