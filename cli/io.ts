import type { Progress } from '../lib/reconcile/index.js';

/** Where the CLI writes: injected so tests run `main` in-process. */
export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
}

/** The part of a Node stream the CLI writes to and listens on. */
type OutputStream = {
  write(text: string): boolean;
  isTTY?: boolean;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
};

/**
 * Writes to `stream` until its reader goes away (`| head`, a pager that
 * quits): then the rest of the output is dropped while the command finishes
 * its work, instead of an unhandled EPIPE ending the process mid-way.
 */
export function untilReaderCloses(stream: OutputStream): Io['stdout'] {
  let closed = false;
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return {
    write: (text: string) => (closed ? false : stream.write(text)),
    isTTY: stream.isTTY === true,
  };
}

/** The process's own streams and environment. */
export function processIo(): Io {
  return {
    stdout: untilReaderCloses(process.stdout),
    stderr: process.stderr,
    env: process.env,
  };
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
