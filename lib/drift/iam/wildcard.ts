/**
 * IAM wildcard matching: `*` matches any run of characters (also empty), `?`
 * exactly one. Policy variables (`${...}`) are not resolved; callers check
 * `hasPolicyVariable` first and treat such values as unverifiable.
 */

const REGEX_SPECIAL = /[.+^${}()|[\]\\]/g;

/** True when the value uses a policy variable such as `${aws:username}`. */
export function hasPolicyVariable(value: string): boolean {
  return value.includes('${');
}

/** Compiled patterns: a plan matches the same few policy patterns many times over. */
const compiled = new Map<string, RegExp>();
const MAX_COMPILED = 10_000;

/** Matches a value against an IAM pattern with `*` and `?`. */
export function wildcardMatch(
  pattern: string,
  value: string,
  ignoreCase = false,
): boolean {
  const key = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let regex = compiled.get(key);
  if (regex === undefined) {
    const source = pattern
      .replace(REGEX_SPECIAL, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    regex = new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(key, regex);
  }
  return regex.test(value);
}

/** Splits an ARN into its six parts; the resource part keeps its colons. */
export function splitArn(arn: string): string[] | null {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') {
    return null;
  }
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

/**
 * Matches an ARN against an ARN pattern part by part, as ArnLike does:
 * wildcards never span a colon between the first five parts.
 */
export function arnLike(pattern: string, arn: string): boolean {
  const patternParts = splitArn(pattern);
  const arnParts = splitArn(arn);
  if (!patternParts || !arnParts) {
    return false;
  }
  return patternParts.every((part, index) => wildcardMatch(part, arnParts[index] ?? ''));
}
