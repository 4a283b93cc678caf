/** Where the CLI writes: injected so tests run `main` in-process. */
export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
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

/** What a command needs from the program: where to write. */
export type CommandContext = { io: Io };
