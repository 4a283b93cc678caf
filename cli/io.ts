import type { Progress } from '../lib/reconcile/index.js';

/** Where the CLI writes: injected so tests run `main` in-process. */
export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
}

/** The process's own streams and environment. */
export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function wantsColour(io: Io): boolean {
  const noColor = io.env.NO_COLOR;
  return io.stdout.isTTY === true && (noColor === undefined || noColor === '');
}

/** Progress lines are for people watching a terminal, never for a redirected stderr. */
export function terminalProgress(io: Io): Progress | undefined {
  if (io.stderr.isTTY !== true) return undefined;
  return (step, done, total) => io.stderr.write(`[${done}/${total}] ${step}\n`);
}

/** What a command needs from the program: where to write. */
export type CommandContext = { io: Io };
