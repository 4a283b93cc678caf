import type { Finding } from '../../plan/types.js';
import { FINDINGS, type FindingCode } from '../../plan/vocabulary.js';
import type { ResolvedReference } from '../../refs/types.js';
import type { Snapshot } from '../../snapshot/types.js';
import type { Consumer } from '../types.js';
import { broadSecretGrants } from './broad.js';
import {
  explainRole,
  type ReferenceExplanation,
  type RoleCheck,
  type RoleCheckOptions,
  type RoleProblem,
} from './explain.js';
import { findRole, rolePolicies } from './roles.js';
import type { StatementRef } from './types.js';

type Draft = {
  code: FindingCode;
  secretArn: string | null;
  message: string;
  evidence: Record<string, unknown>;
};

const PROBLEM_CODES: Record<RoleProblem, FindingCode | null> = {
  noIamSection: 'Unverifiable',
  noExecutionRoleArn: 'ExecutionRoleMissing',
  noTaskRoleArn: 'TaskRoleCannotReadSecret',
  roleNotInSnapshot: 'ExecutionRoleMissing',
  secretNotInSnapshot: 'Unverifiable',
  keyNotInSnapshot: 'Unverifiable',
  crossAccountDefaultKey: 'CrossAccountDefaultKey',
  parameterInOtherAccount: 'Unverifiable',
};

/** Problems of the role itself: one finding for all its references. */
const ROLE_LEVEL = new Set<RoleProblem>([
  'noIamSection',
  'noExecutionRoleArn',
  'noTaskRoleArn',
  'roleNotInSnapshot',
]);

const PROBLEM_TEXT: Record<RoleProblem, string> = {
  noIamSection: 'the snapshot has no iam section',
  noExecutionRoleArn: 'the task definition names no execution role',
  noTaskRoleArn: 'the task definition names no task role',
  roleNotInSnapshot: 'the role does not exist',
  secretNotInSnapshot: 'the secret is not in the snapshot',
  keyNotInSnapshot: "the secret's KMS key is not in the snapshot",
  crossAccountDefaultKey:
    'the secret is in another account and encrypted with the AWS managed key',
  parameterInOtherAccount: 'the parameter is shared from another account',
};

function statementEvidence(ref: StatementRef): Record<string, unknown> {
  return {
    policy: ref.policy,
    layer: ref.layer,
    sid: ref.sid,
    index: ref.index,
    statement: ref.statement,
  };
}

function codeForCheck(role: ReferenceExplanation['role'], check: RoleCheck): FindingCode {
  const { decision, purpose } = check;
  if (decision.result === 'unverifiable') return 'Unverifiable';
  if (role === 'task') return 'TaskRoleCannotReadSecret';
  if (decision.blockedBy === 'endpoint') return 'EndpointPolicyDenies';
  if (purpose === 'decrypt') return 'ExecutionRoleCannotDecrypt';
  if (purpose === 'readParameter') return 'SsmParameterAccessMissing';
  if (decision.result === 'explicitDeny' && decision.blockedBy === 'resource') {
    return 'SecretPolicyDenies';
  }
  return 'ExecutionRoleCannotReadSecret';
}

function drafts(explanation: ReferenceExplanation): Draft[] {
  const { reference, role, roleArn } = explanation;
  const who = `${role === 'task' ? 'Task' : 'Execution'} role ${roleArn ?? '(none)'}`;
  const base = { roleArn, role };
  const out: Draft[] = [];

  for (const { problem, detail } of explanation.problems) {
    const code = PROBLEM_CODES[problem];
    if (!code) continue;
    out.push({
      code,
      secretArn: ROLE_LEVEL.has(problem) ? null : reference.secretArn,
      message: `${who}: ${PROBLEM_TEXT[problem]}.`,
      evidence: { ...base, problem, detail },
    });
  }
  for (const check of explanation.checks) {
    if (check.decision.result === 'allowed') continue;
    out.push({
      code: codeForCheck(role, check),
      secretArn: reference.secretArn,
      message: `${who} may not ${check.action} on ${check.resource}: ${check.decision.reason}.`,
      evidence: {
        ...base,
        purpose: check.purpose,
        action: check.action,
        resource: check.resource,
        result: check.decision.result,
        blockedBy: check.decision.blockedBy,
        reason: check.decision.reason,
        deciding: check.decision.deciding.map(statementEvidence),
      },
    });
  }
  return out;
}

/** Merges drafts that say the same thing for several references into one finding. */
function merge(consumer: Consumer, explanations: ReferenceExplanation[]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const explanation of explanations) {
    const { kind, name, container } = explanation.reference;
    for (const draft of drafts(explanation)) {
      const key = JSON.stringify([draft.code, draft.secretArn, draft.evidence]);
      const found = byKey.get(key) ?? {
        code: draft.code,
        severity: FINDINGS[draft.code].severity,
        resourceArn: consumer.arn,
        secretArn: draft.secretArn,
        message: draft.message,
        evidence: { ...draft.evidence, references: [] as unknown[] },
      };
      (found.evidence.references as unknown[]).push({ container, name, kind });
      byKey.set(key, found);
    }
  }
  return [...byKey.values()];
}

function broadGrantFindings(
  snapshot: Snapshot,
  consumer: Consumer,
  explanations: ReferenceExplanation[],
): Finding[] {
  const roleArns = [
    ...new Set(explanations.flatMap((e) => (e.roleArn ? [e.roleArn] : []))),
  ];
  return roleArns.flatMap((roleArn) => {
    const entry = findRole(snapshot, roleArn);
    if (!entry) return [];
    const grants = broadSecretGrants(rolePolicies(entry));
    if (grants.length === 0) return [];
    return [
      {
        code: 'RoleAllowsAllSecrets',
        severity: FINDINGS.RoleAllowsAllSecrets.severity,
        resourceArn: consumer.arn,
        secretArn: null,
        message: `Role ${roleArn} may read every secret: an Allow of secretsmanager:GetSecretValue on Resource "*".`,
        evidence: { roleArn, statements: grants.map(statementEvidence) },
      } satisfies Finding,
    ];
  });
}

/**
 * Checks that the roles of a consumer could fetch each secret it references:
 * the execution role for injected references, the task role for runtime ones.
 */
export function checkRoles(
  snapshot: Snapshot,
  consumer: Consumer,
  refs: ResolvedReference[],
  options: RoleCheckOptions = {},
): Finding[] {
  const explanations = explainRole(snapshot, consumer, refs, options);
  return [
    ...merge(consumer, explanations),
    ...broadGrantFindings(snapshot, consumer, explanations),
  ];
}
