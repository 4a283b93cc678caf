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
