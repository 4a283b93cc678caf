import type { ConsumerCheck } from '../decide/checks.js';
import type { Policy } from '../decide/policy.js';
import type { Trigger } from '../events/types.js';
import type { Finding } from '../plan/types.js';
import { FINDINGS, type FindingCode } from '../plan/vocabulary.js';
import type { Snapshot } from '../snapshot/types.js';
import { classifyStopReason, type StopCause } from './stop-reason.js';
import { stoppedConsumer } from './task-consumer.js';

/** The stop code ECS gives a task that never got to run its containers. */
export const FAILED_TO_START = 'TaskFailedToStart';

/** The agent's words when it fails to fetch secrets or registry credentials. */
const SECRETS_STAGE =
  /unable to (?:pull|retrieve) secrets?|from asm|from ssm|secrets manager|ssm parameter/i;

/** Finding codes that can explain a start failure of each cause. */
const EXPLAINS: Record<StopCause, readonly FindingCode[]> = {
  network: [
    'NoNetworkPath',
    'EndpointSecurityGroupBlocks',
    'TaskSecurityGroupBlocks',
    'NetworkAclBlocks',
    'EndpointPrivateDnsDisabled',
    'VpcDnsDisabled',
  ],
  iam: [
    'ExecutionRoleMissing',
    'ExecutionRoleCannotReadSecret',
    'SecretPolicyDenies',
    'SsmParameterAccessMissing',
    'EndpointPolicyDenies',
  ],
  kms: ['ExecutionRoleCannotDecrypt', 'CrossAccountDefaultKey'],
  jsonKey: ['PlatformVersionTooOld', 'UnsupportedNestedJsonKey', 'InvalidValueFrom'],
  secretMissing: [
    'SecretNotFound',
    'SecretPendingDeletion',
    'SsmParameterNotFound',
    'VersionNotFound',
    'LikelyWrongStore',
  ],
  unknown: ['InvalidValueFrom', 'MalformedVersionReference'],
};

/** True when a stop is a start failure while fetching secrets. */
export function isSecretsStartFailure(
  stopCode: string | null,
  stoppedReason: string | null,
): boolean {
  return (
    stopCode === FAILED_TO_START &&
    stoppedReason !== null &&
    SECRETS_STAGE.test(stoppedReason)
  );
}

/** The codes among `findings` that explain a failure of this cause, sorted and unique. */
export function explainingCodes(cause: StopCause, findings: Finding[]): FindingCode[] {
  const wanted = new Set(EXPLAINS[cause]);
  const codes = findings
    .map((finding) => finding.code)
    .filter((code) => wanted.has(code));
  return [...new Set(codes)].sort();
}

/**
 * For a `taskStopped` trigger whose task failed to start fetching its
 * secrets: one TaskStartFailed finding with the classified cause, the reason
 * fragment, the task ARN and the codes of the drift findings that explain it.
 * A standalone task's own drift findings come along, since no service plan
 * holds them. Any other trigger or stop yields nothing.
 */
export function taskStartFindings(
  snapshot: Snapshot,
  trigger: Trigger,
  policy: Policy,
  checks: readonly ConsumerCheck[],
): Finding[] {
  if (trigger.kind !== 'taskStopped') return [];
  const { stopCode, stoppedReason, taskArn } = trigger;
  if (stoppedReason === null || !isSecretsStartFailure(stopCode, stoppedReason))
    return [];

  const { cause, fragment } = classifyStopReason(stoppedReason);
  const found = stoppedConsumer(snapshot, trigger);
  const checked =
    found === null
      ? []
      : [
          ...found.refFindings,
          ...checks.flatMap((check) =>
            check(snapshot, found.consumer, found.refs, policy),
          ),
        ];
  const codes = explainingCodes(cause, checked);

  const resourceArn = found?.consumer.arn ?? taskArn;
  const explained =
    codes.length > 0
      ? `explained by ${codes.join(', ')}`
      : found === null
        ? 'the snapshot holds neither its service nor its task definition'
        : 'no drift finding explains it';
  const startFailed: Finding = {
    code: 'TaskStartFailed',
    severity: FINDINGS.TaskStartFailed.severity,
    resourceArn,
    secretArn: secretOf(found?.refs ?? [], stoppedReason),
    message: `Task ${taskArn} failed to start fetching its secrets (cause: ${cause}); ${explained}.`,
    evidence: {
      taskArn,
      stopCode,
      cause,
      fragment,
      consumer: found === null ? null : { kind: found.consumer.kind, arn: resourceArn },
      explainedBy: codes,
    },
  };
  return found?.owner === 'task' ? [startFailed, ...checked] : [startFailed];
}

/** The one secret the reason names, when it names a referenced secret by ARN. */
function secretOf(refs: { secretArn: string | null }[], reason: string): string | null {
  const named = [
    ...new Set(refs.flatMap((ref) => (ref.secretArn ? [ref.secretArn] : []))),
  ].filter((arn) => reason.includes(arn));
  return named.length === 1 ? (named[0] ?? null) : null;
}
