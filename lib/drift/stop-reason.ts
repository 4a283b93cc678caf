/** Why a task could not fetch its secrets, read from its stopped reason. */
export const StopCause = {
  network: 'network',
  iam: 'iam',
  kms: 'kms',
  jsonKey: 'jsonKey',
  secretMissing: 'secretMissing',
  unknown: 'unknown',
} as const;
export type StopCause = (typeof StopCause)[keyof typeof StopCause];

/** The cause of a stop and the fragment of its reason that told. */
export type StopReasonClass = { cause: StopCause; fragment: string | null };

/**
 * Stable fragments of the reasons ECS gives when the agent cannot retrieve
 * secrets. Causes are tried most specific first (a KMS denial is also an
 * AccessDeniedException; a missing JSON key follows a call that succeeded),
 * and within a cause the most telling fragment first.
 */
const RULES: readonly { cause: StopCause; fragments: readonly RegExp[] }[] = [
  {
    cause: 'jsonKey',
    fragments: [
      /did not contain json key \S+/i,
      /json key \S+ (?:was )?not found/i,
      /json key/i,
    ],
  },
  {
    cause: 'kms',
    fragments: [
      /not authorized to perform: kms:\w+/i,
      /Access to KMS is not allowed/i,
      /DecryptionFailure/,
      /KMS\.?\w*(?:AccessDenied|InvalidState|Disabled|NotFound)Exception/i,
      /kms:Decrypt/i,
    ],
  },
  {
    cause: 'secretMissing',
    fragments: [
      /marked for deletion/i,
      /Secrets Manager can't find the specified secret[^.]*/i,
      /invalid ssm parameters?: \S+/i,
      /ParameterNotFound/,
      /ResourceNotFoundException/,
    ],
  },
  {
    cause: 'iam',
    fragments: [
      /not authorized to perform: [\w:*]+/i,
      /AccessDeniedException/,
      /AccessDenied/,
    ],
  },
  {
    cause: 'network',
    fragments: [
      /i\/o timeout/i,
      /context deadline exceeded/i,
      /RequestCanceled/,
      /send request failed/i,
      /no such host/i,
      /connection refused/i,
      /network is unreachable/i,
      /TLS handshake timeout/i,
      /connection issue between the task and \S+(?: \S+)?/i,
      /check your task network configuration/i,
    ],
  },
];

/**
 * Classifies a task's stoppedReason by the first fragment it contains, and
 * returns that fragment. A reason that names no known cause is `unknown` with
 * no fragment.
 */
export function classifyStopReason(stoppedReason: string): StopReasonClass {
  for (const { cause, fragments } of RULES) {
    for (const fragment of fragments) {
      const match = fragment.exec(stoppedReason);
      if (match !== null) return { cause, fragment: match[0] };
    }
  }
  return { cause: 'unknown', fragment: null };
}
