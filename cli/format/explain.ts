import type { ExplainDocument } from '../commands/explain-document.js';
import type { Paint } from './colour.js';
import { referenceLines } from './explain-reference.js';
import type { Names } from './names.js';
import { findingRows, provenance } from './table.js';
import { describeTrigger } from './trigger.js';

/** What the explain table needs besides the document. */
export type ExplainContext = {
  names: Names;
  paint: Paint;
  /** Where the snapshot came from: a file, or a live observation. */
  source: string;
  capturedAt: string;
  notes: string[];
};

function shortArn(arn: string | null): string {
  return arn === null ? '-' : arn.slice(arn.lastIndexOf('/') + 1);
}

type Row = Record<string, unknown>;

/** One security group rule or ACL entry as a short phrase. */
function rule(row: Row): string {
  if (typeof row.networkAclId === 'string') {
    const entry = (row.entry ?? {}) as Row;
    const flow = (row.flow ?? {}) as Row;
    const way = flow.egress === true ? 'out' : 'in';
    return `${row.networkAclId} rule ${entry.RuleNumber ?? '?'} ${entry.RuleAction ?? 'none'} ${way} ${flow.cidr ?? ''}`.trim();
  }
  if (typeof row.groupId === 'string') {
    const ports = row.FromPort === null ? 'all' : `${row.FromPort}-${row.ToPort}`;
    return `${row.groupId} ${row.direction} ${row.IpProtocol} ${ports} ${row.peer}`;
  }
  return JSON.stringify(row);
}

/**
 * Evidence as `key: value` phrases: rules and entries summarised, the rest as
 * JSON; an empty field (no route, no endpoint) is left out.
 */
function evidenceLines(evidence: Row, names: Names): string[] {
  const present = Object.entries(evidence).filter(([, value]) => value !== null);
  return present.map(([key, value]) => {
    const text = Array.isArray(value)
      ? [...new Set(value.map((item) => rule(item as Row)))].join('; ') || 'none'
      : typeof value === 'object' && value !== null
        ? JSON.stringify(value)
        : String(value);
    return `${key}: ${names.text(text)}`;
  });
}

function networkLines(explanation: ExplainDocument, context: ExplainContext): string[] {
  const { names, paint } = context;
  if (explanation.network.length === 0) {
    return [paint.bold('NETWORK'), '  not checked (no awsvpc placement); see findings'];
  }
  const lines = [paint.bold('NETWORK')];
  for (const path of explanation.network) {
    const endpoint = path.endpointId === undefined ? '' : ` ${path.endpointId}`;
    lines.push(`  ${path.subnetId} -> ${path.service}: ${path.kind}${endpoint}`);
    for (const line of evidenceLines(path.evidence, names)) {
      lines.push(`    ${paint.dim(line)}`);
    }
  }
  return lines;
}

/** Why a service the plan names no action for gets none. */
function noAction(document: ExplainDocument): string {
  if (document.trigger.ignored !== undefined) {
    return 'No action: the event asks for nothing.';
  }
  return document.inScope
    ? 'No action: the service references no secret that can move.'
    : 'No action: the trigger does not concern this service.';
}

function decisionLines(document: ExplainDocument, context: ExplainContext): string[] {
  const { names, paint } = context;
  const { action } = document;
  if (action === null) return [paint.bold('DECISION'), `  ${noAction(document)}`];
  const secrets = action.secretArns.map((arn) => names.secret(arn)).join(', ') || '-';
  const head = `${action.type.toUpperCase()}  ${action.reason}  secrets ${secrets}`;
  return [
    paint.bold('DECISION'),
    `  ${paint.action(action.type, head)}`,
    `  ${names.text(action.message)}`,
  ];
}

function findingLines(document: ExplainDocument, context: ExplainContext): string[] {
  const { findings, findingsFrom } = document;
  // Out of the plan's scope, the drift checks still say what a task start would hit.
  const from = findingsFrom === 'drift' ? ' from the drift checks alone' : '';
  if (findings.length === 0) return [`No findings${from}.`];
  return [
    context.paint.bold(`FINDINGS (${findings.length})${from}`),
    ...findingRows(findings, context, '  '),
  ];
}

/**
 * The explain chain as a person reads it: what the plan decides, then task
 * definition, references, network, and the plan's findings about the service.
 */
export function renderExplanation(
  document: ExplainDocument,
  context: ExplainContext,
): string {
  const { names, paint } = context;
  const { consumer, taskDefinition: td } = document;
  const header = [
    `${paint.bold('Explain')} ${names.resource(consumer.arn)} in cluster ${names.cluster(consumer.clusterArn)}`,
    paint.dim(provenance(context.source, context.capturedAt, document.plannedAt)),
    paint.dim(`plan for ${describeTrigger(document.trigger, names)}`),
    ...context.notes,
  ];
  const definition = [
    paint.bold('TASK DEFINITION'),
    `  ${shortArn(td.arn)}  network ${td.networkMode ?? '-'}  ` +
      `${consumer.launchType ?? '-'} ${consumer.platformVersion ?? ''}`.trimEnd(),
    `  execution role ${td.executionRoleArn ?? '(none)'}`,
    `  task role ${td.taskRoleArn ?? '(none)'}`,
  ];
  const references =
    document.references.length === 0
      ? ['No references.']
      : [
          paint.bold(`REFERENCES (${document.references.length})`),
          ...document.references.flatMap((ref) => referenceLines(ref, context)),
        ];
  const sections = [
    header,
    decisionLines(document, context),
    definition,
    references,
    networkLines(document, context),
    findingLines(document, context),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
