import type { Action, Finding, Plan } from '../../lib/plan/types.js';
import { type ActionType, severityRank } from '../../lib/plan/vocabulary.js';
import type { Paint } from './colour.js';
import { columns } from './columns.js';
import type { Names } from './names.js';
import { describeTrigger } from './trigger.js';

/** What the table shows besides the plan itself. */
export type TableContext = {
  names: Names;
  paint: Paint;
  /** Where the snapshot came from: a file, or a live observation. */
  source: string;
  /** When the snapshot was captured, when `source` does not already say. */
  capturedAt?: string;
  notes: string[];
};

const GROUPS: readonly ActionType[] = ['redeploy', 'signal', 'block', 'skip'];
const HEADINGS = ['SERVICE', 'CLUSTER', 'REASON', 'SECRETS'];

function actionLines(actions: Action[], context: TableContext): string[] {
  const { names, paint } = context;
  const lines: string[] = [];
  for (const type of GROUPS) {
    const group = actions.filter((action) => action.type === type);
    if (group.length === 0) continue;

    lines.push(paint.action(type, paint.bold(`${type.toUpperCase()} (${group.length})`)));
    const rows = group.map((action) => [
      names.service(action.serviceArn),
      names.cluster(action.clusterArn),
      action.reason,
      action.secretArns.map((arn) => names.secret(arn)).join(', ') || '-',
    ]);
    const [heading, ...body] = columns([HEADINGS, ...rows]);
    lines.push(`  ${paint.dim(heading ?? '')}`);
    body.forEach((line, i) => {
      lines.push(`  ${line}`);
      // Skips are explained by their reason; what will change deserves the full sentence.
      if (type !== 'skip') lines.push(`    ${paint.dim(group[i]?.message ?? '')}`);
    });
  }
  return lines.length > 0 ? lines : ['No actions.'];
}

function worst(findings: Finding[]): number {
  return Math.max(...findings.map((finding) => severityRank(finding.severity)));
}

/**
 * A heading per resource: its short name, or its ARN when two resources
 * share a short name (services of one name in two clusters).
 */
function headings(
  arns: (string | null)[],
  names: TableContext['names'],
  byArn: Map<string | null, Finding[]>,
): [string, Finding[]][] {
  const short = arns.map((arn) => names.resource(arn));
  return arns.map((arn, i) => {
    const name = short[i] ?? '';
    const shared = short.filter((other) => other === name).length > 1;
    return [shared && arn !== null ? arn : name, byArn.get(arn) ?? []];
  });
}

/**
 * Findings worst first, one aligned line each (severity, code, message),
 * painted by severity and indented by `indent`.
 */
export function findingRows(
  findings: readonly Finding[],
  context: Pick<TableContext, 'names' | 'paint'>,
  indent: string,
): string[] {
  const { names, paint } = context;
  const sorted = [...findings].sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity),
  );
  const rows = columns(
    sorted.map((f) => [f.severity.toUpperCase(), f.code, names.text(f.message)]),
  );
  return rows.map(
    (row, i) => `${indent}${paint.severity(sorted[i]?.severity ?? 'info', row)}`,
  );
}

function findingLines(findings: Finding[], context: TableContext): string[] {
  const { names, paint } = context;
  if (findings.length === 0) return ['No findings.'];

  const byArn = new Map<string | null, Finding[]>();
  for (const finding of findings) {
    byArn.set(finding.resourceArn, [...(byArn.get(finding.resourceArn) ?? []), finding]);
  }
  const groups = headings([...byArn.keys()], names, byArn).sort(
    ([a, x], [b, y]) => worst(y) - worst(x) || (a < b ? -1 : a > b ? 1 : 0),
  );

  const lines = [paint.bold(`FINDINGS (${findings.length})`)];
  for (const [resource, group] of groups) {
    lines.push(`  ${paint.bold(resource)}`, ...findingRows(group, context, '    '));
  }
  return lines;
}

/** Where the snapshot came from and when it was captured; when the plan was made. */
export function provenance(
  source: string,
  capturedAt: string | undefined,
  plannedAt: string,
): string {
  const captured = capturedAt === undefined ? '' : ` (captured ${capturedAt})`;
  return `snapshot ${source}${captured}, planned at ${plannedAt}`;
}

/** The plan as a human reads it: trigger, actions by type, findings by resource. */
export function renderTable(plan: Plan, context: TableContext): string {
  const { names, paint } = context;
  const header = [
    `${paint.bold('Plan')} for ${describeTrigger(plan.trigger, names)}`,
    paint.dim(provenance(context.source, context.capturedAt, plan.generatedAt)),
    ...context.notes,
  ];
  const sections = [
    header,
    actionLines(plan.actions, context),
    findingLines(plan.findings, context),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
