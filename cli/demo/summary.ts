import { DetailType } from '../../lib/act/events.js';
import type { ActionOutcome, Outcome } from '../../lib/act/types.js';
import type { Finding } from '../../lib/plan/types.js';
import type { ActionReason, ActionType, Severity } from '../../lib/plan/vocabulary.js';
import { severityRank } from '../../lib/plan/vocabulary.js';
import { lastSegment, replaceArns } from '../format/names.js';
import type { DeploymentIds } from './deployments.js';
import type { FleetRole, SeededFleet } from './seed.js';
import type { TappedEvent } from './tap.js';

/** What became of one seeded service when the secret rotated. */
export type DemoService = {
  name: string;
  role: FleetRole;
  cluster: string;
  /** Null when the plan had no action for it (not a consumer of the rotated secret). */
  action: ActionType | null;
  reason: ActionReason | null;
  outcome: Outcome | null;
  message: string | null;
  deployment: { before: string | null; after: string | null; changed: boolean };
};

/** A refresh signal read back from the bus's queue target. */
export type DemoSignal = {
  service: string;
  eventId: string;
  secrets: { secret: string; label: string; versionId: string }[];
};

/** One finding of the resync after the rotation, with short names. */
export type DemoFinding = {
  code: string;
  severity: Severity;
  resource: string;
  secret: string | null;
  /** How a public network path leaves the VPC (`nat`, `internet`), from the evidence. */
  via: string | null;
  /** The store a network finding is about (`secretsmanager`, `ssm`), from the evidence. */
  store: string | null;
  message: string;
};

/** One expectation the demo checks against the emulator. */
export type DemoCheck = { name: string; passed: boolean };

/** Everything the demo did, in the shape `--json` prints. */
export type DemoSummary = {
  ok: boolean;
  endpoint: string;
  durationMs: number;
  /** Deployments the first resync started (none: installing redeploys nothing). */
  install: { deploymentsStarted: number; findings: number };
  rotation: {
    secret: string;
    secretArn: string;
    previousVersionId: string;
    versionId: string;
    eventId: string;
    eventTime: string;
    eventsPublished: number;
  };
  services: DemoService[];
  signals: DemoSignal[];
  resync: { deploymentsStarted: number; signalsSent: number };
  findings: DemoFinding[];
  checks: DemoCheck[];
};

/** Short names for the ARNs the fleet holds. */
export function fleetNames(fleet: SeededFleet): (arn: string | null) => string {
  const names = new Map<string, string>();
  for (const service of Object.values(fleet.services))
    names.set(service.arn, service.name);
  const { database, apiKeys, reporting } = fleet.secrets;
  for (const secret of [database, apiKeys, reporting]) names.set(secret.arn, secret.name);
  return (arn) => (arn === null ? '-' : (names.get(arn) ?? lastSegment(arn)));
}

/** Each seeded service with its action in the rotation and its deployments. */
export function serviceRows(
  fleet: SeededFleet,
  outcomes: readonly ActionOutcome[],
  messages: ReadonlyMap<string, string>,
  deployments: { before: DeploymentIds; after: DeploymentIds },
): DemoService[] {
  const entries = Object.entries(fleet.services) as [
    FleetRole,
    SeededFleet['services'][FleetRole],
  ][];
  return entries.map(([role, service]) => {
    const outcome = outcomes.find((o) => o.serviceArn === service.arn);
    const before = deployments.before[service.arn] ?? null;
    const after = deployments.after[service.arn] ?? null;
    return {
      name: service.name,
      role,
      cluster: lastSegment(service.clusterArn),
      action: outcome?.type ?? null,
      reason: outcome?.reason ?? null,
      outcome: outcome?.outcome ?? null,
      message: messages.get(service.arn) ?? null,
      deployment: { before, after, changed: before !== after },
    };
  });
}

/** The refresh signals among the events read back from the bus. */
export function signalsOf(
  events: readonly TappedEvent[],
  name: (arn: string | null) => string,
): DemoSignal[] {
  return events
    .filter((event) => event.detailType === DetailType.refresh)
    .map((event) => {
      const secrets = Array.isArray(event.detail.secrets) ? event.detail.secrets : [];
      return {
        service: name(String(event.detail.serviceArn ?? '')),
        eventId: event.id,
        secrets: secrets.map((entry: Record<string, unknown>) => ({
          secret: name(String(entry.secretArn ?? '')),
          label: String(entry.label ?? ''),
          versionId: String(entry.versionId ?? ''),
        })),
      };
    });
}

function viaOf(finding: Finding): string | null {
  const details = finding.evidence.details;
  if (!Array.isArray(details)) return null;
  const via = (details[0] as { via?: unknown } | undefined)?.via;
  return typeof via === 'string' ? via : null;
}

function storeOf(finding: Finding): string | null {
  const store = finding.evidence.service;
  return typeof store === 'string' ? store : null;
}

/** Findings worst first, one per code, resource, secret and store. */
export function findingRows(
  findings: readonly Finding[],
  name: (arn: string | null) => string,
): DemoFinding[] {
  const seen = new Set<string>();
  const rows: DemoFinding[] = [];
  const sorted = [...findings].sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity),
  );
  for (const finding of sorted) {
    const store = storeOf(finding);
    const key = `${finding.code}|${finding.resourceArn}|${finding.secretArn}|${store}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({
      code: finding.code,
      severity: finding.severity,
      resource: name(finding.resourceArn),
      secret: finding.secretArn === null ? null : name(finding.secretArn),
      via: viaOf(finding),
      store,
      message: replaceArns(finding.message, name),
    });
  }
  return rows;
}
