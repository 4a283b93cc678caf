import type { Io } from '../../../cli/io.js';
import { main } from '../../../cli/main.js';

/** What one in-process run of the CLI printed and returned. */
export type Run = { code: number; stdout: string; stderr: string };

/** Runs `main` with recorded streams; `tty` and `env` shape colour decisions. */
export async function run(
  argv: string[],
  options: { tty?: boolean; env?: Record<string, string> } = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: {
      write: (text: string) => {
        stdout += text;
      },
      isTTY: options.tty ?? false,
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
      },
    },
    env: options.env ?? {},
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
