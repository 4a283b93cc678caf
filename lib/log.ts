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

/**
 * A log that adds `fields` to every line, so that each line of one
 * reconcile carries its reconcile id and event id.
 */
export function withFields(log: Log, fields: Record<string, unknown>): Log {
  return {
    debug: (message, own) => log.debug(message, { ...fields, ...own }),
    info: (message, own) => log.info(message, { ...fields, ...own }),
    warn: (message, own) => log.warn(message, { ...fields, ...own }),
    error: (message, own) => log.error(message, { ...fields, ...own }),
  };
}
