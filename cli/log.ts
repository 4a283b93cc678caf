import type { Log } from '../lib/log.js';
import type { Io } from './io.js';

/**
 * The CLI's logger: warnings and errors go to stderr as one line each, the
 * message then its fields as JSON; debug and info stay quiet.
 */
export function stderrLog(io: Io): Log {
  const write =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void => {
      io.stderr.write(
        `${level}: ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`,
      );
    };
  const quiet = (): void => {};
  return { debug: quiet, info: quiet, warn: write('warning'), error: write('error') };
}
