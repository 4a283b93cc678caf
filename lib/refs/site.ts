import type { Finding } from '../plan/types.js';
import { FINDINGS, type FindingCode, type Severity } from '../plan/vocabulary.js';

/** Which field of a task definition (or which tag) holds a reference. */
export type Slot =
  | 'secret'
  | 'logOption'
  | 'registryAuth'
  | 'environmentVariable'
  | 'tag';

/** Where a reference was written: enough to name it in a finding. */
export type Site = {
  /** The consumer a finding is about: service, else task, else task definition. */
  resourceArn: string | null;
  serviceArn: string | null;
  taskDefinitionArn: string | null;
  container: string | null;
  slot: Slot;
  /** The variable, log option or tag key. */
  name: string;
  valueFrom: string;
};

/** Runtime consumers read the secret themselves, so a task start never fails on it. */
const RUNTIME_SEVERITY_CAP: Severity = 'high';

const RANK: Record<Severity, number> = {
  critical: 4,
  high: 3,
  medium: 2,
  low: 1,
  info: 0,
};

/** A finding about the reference at `site`, with the vocabulary's severity. */
export function siteFinding(
  code: FindingCode,
  site: Site,
  secretArn: string | null,
  detail: string,
  evidence: Record<string, unknown> = {},
): Finding {
  return {
    code,
    severity: severityAt(code, site),
    resourceArn: site.resourceArn,
    secretArn,
    message: `${describeSite(site)}: ${detail}`,
    evidence: {
      valueFrom: site.valueFrom,
      container: site.container,
      name: site.name,
      field: site.slot,
      ...evidence,
    },
  };
}

function severityAt(code: FindingCode, site: Site): Severity {
  const severity = FINDINGS[code].severity;
  const runtime = site.slot === 'tag' || site.slot === 'environmentVariable';
  return runtime && RANK[severity] > RANK[RUNTIME_SEVERITY_CAP]
    ? RUNTIME_SEVERITY_CAP
    : severity;
}

/** Names the field a reference sits in, for messages. */
export function describeSite(site: Site): string {
  const container = `container "${site.container ?? ''}"`;
  switch (site.slot) {
    case 'secret':
      return `${container} secret ${site.name}`;
    case 'logOption':
      return `${container} log option ${site.name}`;
    case 'registryAuth':
      return `${container} repository credentials`;
    case 'environmentVariable':
      return `${container} environment variable ${site.name}`;
    case 'tag':
      return `tag ${site.name}`;
  }
}
