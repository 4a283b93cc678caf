import { MOVE_SOURCE_TEXT } from '../../lib/decide/index.js';
import type { RoleDecision } from '../../lib/drift/index.js';
import type { ExplainedReference } from '../commands/explain-document.js';
import type { Paint } from './colour.js';
import type { Names } from './names.js';

/** What a reference's lines need: short names and colour. */
type ReferenceContext = { names: Names; paint: Paint };

const RESULT_WORD: Record<string, string> = {
  allowed: 'ALLOW',
  explicitDeny: 'DENY (explicit)',
  implicitDeny: 'DENY (no allow)',
  unverifiable: 'UNVERIFIABLE',
};

/** One wording for every key: who manages it, then which key. */
const KEY_WORD: Record<string, string> = {
  awsManaged: 'AWS managed key',
  customer: 'customer managed key',
  unknown: 'key not in the snapshot:',
};

/**
 * How the reference reaches the container, in words: ECS injects the value
 * of `secrets[]` and log options; a runtime consumer reads it itself.
 */
function how(ref: ExplainedReference): string {
  switch (ref.kind) {
    case 'environment':
      return `injected as ${ref.name} from ${ref.valueFrom}`;
    case 'logOption':
      return `injected as log option ${ref.name} from ${ref.valueFrom}`;
    case 'registryAuth':
      return `registry credentials from ${ref.valueFrom}`;
    case 'ssmReference':
      return `injected as ${ref.name} through SSM from ${ref.valueFrom}`;
    case 'runtime':
      return ref.container === null
        ? `read by the app at runtime from ${ref.valueFrom}`
        : `read by the app at runtime from ${ref.valueFrom} (named in variable ${ref.name})`;
    default:
      return `${ref.kind} ${ref.name} from ${ref.valueFrom}`;
  }
}

function decisionLines(decision: RoleDecision, context: ReferenceContext): string[] {
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

function secretLines(ref: ExplainedReference): string[] {
  const secret = ref.secret;
  if (secret === null) {
    return [
      `    secret    ${ref.store === 'ssm' ? 'SSM parameter (no secret)' : 'unresolved'}`,
    ];
  }
  const follows = secret.stage === null ? 'pinned' : `follows ${secret.stage}`;
  const moved =
    secret.move === null
      ? ''
      : `, moved at ${secret.move.movedAt} (${MOVE_SOURCE_TEXT[secret.move.source]})`;
  const deletion =
    secret.deletedDate === null
      ? 'not scheduled for deletion'
      : `DELETED ${secret.deletedDate}`;
  const key = secret.kmsKey;
  return [
    `    secret    ${secret.name} (${secret.arn})`,
    `    version   ${follows} -> ${secret.versionId ?? 'no version'}${moved}; ${deletion}`,
    `    kms key   ${KEY_WORD[key.kind] ?? key.kind} ${key.keyId}`,
  ];
}

/** One reference: how it reaches the container, its secret, role and decisions. */
export function referenceLines(
  ref: ExplainedReference,
  context: ReferenceContext,
): string[] {
  const { paint } = context;
  const where = ref.container === null ? `tag ${ref.name}` : `container ${ref.container}`;
  const lines = [`  ${paint.bold(`${where}:`)} ${how(ref)}`, ...secretLines(ref)];
  lines.push(`    ${ref.role.which} role ${ref.role.arn ?? '(none)'}`);
  for (const problem of ref.problems) {
    lines.push(
      `      ${paint.severity('info', `${problem.problem} ${problem.detail}`.trim())}`,
    );
  }
  for (const decision of ref.decisions) lines.push(...decisionLines(decision, context));
  return lines;
}
