/** Bad usage or an input file that cannot be used: exit code 2, message says which and why. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Exit codes of every command; `findings` answers `--fail-on`. */
export const ExitCode = { ok: 0, failure: 1, usage: 2, findings: 3 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A command ran but did not achieve what it was asked (exit code 1); the message says what. */
export class CommandFailedError extends Error {
  override readonly name: string = 'CommandFailedError';
}

/** Socket errors that mean the AWS endpoint could not be reached at all. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT']);

/**
 * A sentence for an error that says the endpoint could not be reached, with
 * what to check; null for any other error.
 */
export function unreachableEndpoint(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (!(error instanceof Error) || typeof code !== 'string' || !UNREACHABLE.has(code)) {
    return null;
  }
  return (
    `cannot reach AWS (${error.message}); check the network and the region, and ` +
    'the endpoint override if one is set (--endpoint-url or AWS_ENDPOINT_URL)'
  );
}
