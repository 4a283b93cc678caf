import type { Explanation, ReferenceLink, RoleDecision } from '../../lib/drift/index.js';
import type { Paint } from './colour.js';
import type { Names } from './names.js';

/** What the explain table needs besides the explanation. */
export type ExplainContext = { names: Names; paint: Paint; source: string };

const RESULT_WORD: Record<string, string> = {
  allowed: 'ALLOW',
  explicitDeny: 'DENY (explicit)',
  implicitDeny: 'DENY (no allow)',
  unverifiable: 'UNVERIFIABLE',
};

function shortArn(arn: string | null): string {
  return arn === null ? '-' : arn.slice(arn.lastIndexOf('/') + 1);
}

function decisionLines(decision: RoleDecision, context: ExplainContext): string[] {
  const { names, paint } = context;
  const word = RESULT_WORD[decision.result] ?? decision.result;
  const via = decision.via === null ? '' : ` via ${decision.via}`;
  const head = `${word} ${decision.action} on ${names.text(decision.resource)}${via}`;
  const painted =
    decision.result === 'allowed'
      ? head
      : paint.severity(decision.result === 'unverifiable' ? 'info' : 'critical', head);
  const lines = [`      ${painted}`, `        ${paint.dim(names.text(decision.reason))}`];
  for (const statement of decision.deciding) {
    const sid = statement.sid === null ? `#${statement.index}` : `"${statement.sid}"`;
    lines.push(
      `        deciding: ${statement.layer} policy ${names.text(statement.policy)}, statement ${sid}`,
    );
  }
  return lines;
}

function referenceLines(ref: ReferenceLink, context: ExplainContext): string[] {
  const { paint } = context;
  const where = ref.container === null ? 'tag' : `container ${ref.container}`;
  const lines = [
    `  ${paint.bold(`${where}: ${ref.kind} ${ref.name}`)} = ${ref.valueFrom}`,
  ];

  const secret = ref.secret;
  if (secret === null) {
    lines.push(
      `    secret    ${ref.store === 'ssm' ? 'SSM parameter (no secret)' : 'unresolved'}`,
    );
  } else {
    const follows = secret.stage === null ? 'pinned' : `follows ${secret.stage}`;
    const deletion =
      secret.deletedDate === null
        ? 'not scheduled for deletion'
        : `DELETED ${secret.deletedDate}`;
    lines.push(`    secret    ${secret.name} (${secret.arn})`);
    lines.push(
      `    version   ${follows} -> ${secret.versionId ?? 'no version'}; ${deletion}`,
    );
    const key = secret.kmsKey;
    lines.push(
      `    kms key   ${key.kind === 'customer' ? 'customer managed' : key.kind} ${key.keyId}`,
    );
  }
  lines.push(`    ${ref.role.which} role ${ref.role.arn ?? '(none)'}`);
  for (const problem of ref.problems) {
    lines.push(
      `      ${paint.severity('info', `${problem.problem} ${problem.detail}`.trim())}`,
    );
  }
  for (const decision of ref.decisions) lines.push(...decisionLines(decision, context));
  return lines;
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

/** Evidence as `key: value` phrases: rules and entries summarised, the rest as JSON. */
function evidenceLines(evidence: Row, names: Names): string[] {
  return Object.entries(evidence).map(([key, value]) => {
    const text = Array.isArray(value)
      ? [...new Set(value.map((item) => rule(item as Row)))].join('; ') || 'none'
      : typeof value === 'object' && value !== null
        ? JSON.stringify(value)
        : String(value);
    return `${key}: ${names.text(text)}`;
  });
}

function networkLines(explanation: Explanation, context: ExplainContext): string[] {
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

function findingLines(explanation: Explanation, context: ExplainContext): string[] {
  const { names, paint } = context;
  if (explanation.findings.length === 0) return ['No findings.'];
  return [
    paint.bold(`FINDINGS (${explanation.findings.length})`),
    ...explanation.findings.map(
      (f) =>
        `  ${paint.severity(f.severity, `${f.severity.toUpperCase()}  ${f.code}`)}  ${names.text(f.message)}`,
    ),
  ];
}

/** The explain chain as a person reads it: task definition, references, network, findings. */
export function renderExplanation(
  explanation: Explanation,
  context: ExplainContext,
): string {
  const { names, paint } = context;
  const { consumer, taskDefinition: td } = explanation;
  const header = [
    `${paint.bold('Explain')} ${names.resource(consumer.arn)} in cluster ${names.cluster(consumer.clusterArn)}`,
    paint.dim(`snapshot ${context.source}`),
  ];
  const definition = [
    paint.bold('TASK DEFINITION'),
    `  ${shortArn(td.arn)}  network ${td.networkMode ?? '-'}  ` +
      `${consumer.launchType ?? '-'} ${consumer.platformVersion ?? ''}`.trimEnd(),
    `  execution role ${td.executionRoleArn ?? '(none)'}`,
    `  task role ${td.taskRoleArn ?? '(none)'}`,
  ];
  const references =
    explanation.references.length === 0
      ? ['No references.']
      : [
          paint.bold(`REFERENCES (${explanation.references.length})`),
          ...explanation.references.flatMap((ref) => referenceLines(ref, context)),
        ];
  const sections = [
    header,
    definition,
    references,
    networkLines(explanation, context),
    findingLines(explanation, context),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
