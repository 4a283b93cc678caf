/**
 * An SDK response as the AWS CLI prints it: timestamps as ISO-8601 strings,
 * no `$metadata`, no undefined members.
 */
export function cliJson<T>(value: T): CliJson<T> {
  return convert(value) as CliJson<T>;
}

/** The JSON form of an SDK shape: Date members become strings. */
export type CliJson<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? CliJson<U>[]
    : T extends object
      ? { [K in keyof T as K extends '$metadata' ? never : K]: CliJson<T[K]> }
      : T;

function convert(value: unknown): unknown {
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (Array.isArray(value)) {
    return value.map(convert);
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (key === '$metadata' || member === undefined) {
        continue;
      }
      out[key] = convert(member);
    }
    return out;
  }
  return value;
}
