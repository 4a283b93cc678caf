/**
 * The logging port of `lib/`. Powertools' Logger satisfies it; tests pass
 * `silentLog` or a recorder. The message is a constant phrase and whatever
 * varies goes in `fields`.
 */
export interface Log {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const ignore = (): void => {};

/** A logger that drops everything. */
export const silentLog: Log = Object.freeze({
  debug: ignore,
  info: ignore,
  warn: ignore,
  error: ignore,
});
