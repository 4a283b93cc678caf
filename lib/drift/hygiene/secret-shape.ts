/**
 * Decides whether a plaintext name/value pair (an environment variable or a
 * log driver option) looks like a secret. Only the rule that matched ever
 * leaves this module: never the value or any part of it.
 */

/** Why a value was read as a secret. */
export type SecretMatch = { rule: string; matchedBy: 'name' | 'value' };

/**
 * Values that are not worth protecting even under a secret-looking name:
 * empty or very short values, placeholders a template leaves behind, shell
 * or template references, ARNs (the refs check reports those as
 * SecretArnInEnvironment), plain numbers and booleans, and file paths (the
 * secret lives in the file). A weak default such as "changeme" is treated
 * as a placeholder: it is a bad password, not a leaked one.
 */
const PLACEHOLDER =
  /^(?:change[-_ ]?me|placeholder|dummy|example|todo|tbd|none|null|nil|undefined|redacted|n\/a|-+|x{3,}|\*{3,}|<[^>]*>|\{\{.*\}\}|\$\{.*\}|\$\(.*\))$/i;
const NOT_SECRET = /^(?:true|false|yes|no|on|off|\d+(?:\.\d+)?)$/i;
const MIN_LENGTH = 4;

/** True when a value is no secret whatever its name says. */
export function isInertValue(value: string): boolean {
  const trimmed = value.trim();
  return (
    trimmed.length < MIN_LENGTH ||
    PLACEHOLDER.test(trimmed) ||
    NOT_SECRET.test(trimmed) ||
    trimmed.startsWith('arn:') ||
    trimmed.startsWith('/') ||
    trimmed.startsWith('./')
  );
}

const SECRET_WORDS = new Set([
  'PASSWORD',
  'PASSWD',
  'PASS',
  'PWD',
  'PASSPHRASE',
  'SECRET',
  'SECRETS',
  'TOKEN',
  'APIKEY',
  'CREDENTIAL',
  'CREDENTIALS',
  'PRIVATEKEY',
]);
const SECRET_PAIRS = new Set([
  'API_KEY',
  'PRIVATE_KEY',
  'ACCESS_KEY',
  'SECRET_KEY',
  'AUTH_KEY',
  'SIGNING_KEY',
  'ENCRYPTION_KEY',
  'MASTER_KEY',
  'LICENSE_KEY',
]);
/** A name ending in one of these describes a secret without holding it. */
const DESCRIPTIVE_SUFFIX = new Set([
  'FILE',
  'PATH',
  'DIR',
  'ARN',
  'NAME',
  'ID',
  'URL',
  'URI',
  'ENDPOINT',
  'HOST',
  'PORT',
  'TTL',
  'EXPIRY',
  'EXPIRES',
  'EXPIRATION',
  'LENGTH',
  'REGION',
  'HEADER',
  'ENABLED',
  'TYPE',
  'ALGORITHM',
  'TIMEOUT',
  'COUNT',
  'MIN',
  'MAX',
  'POLICY',
  'PARAMETER',
  'FIELD',
  'ISSUER',
  'AUDIENCE',
  'SCOPE',
  'VERSION',
  'STAGE',
]);

/** Splits `dbPassword`, `DB_PASSWORD` and `splunk-token` alike into upper-case words. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toUpperCase());
}

/** The secret word a name carries, or null. The bare name PWD is the working directory. */
export function secretNameRule(name: string): string | null {
  const parts = words(name);
  const last = parts.at(-1);
  if (last === undefined || DESCRIPTIVE_SUFFIX.has(last)) return null;
  if (parts.length === 1 && last === 'PWD') return null;

  const word = parts.find((part) => SECRET_WORDS.has(part));
  if (word !== undefined) return `name:${word}`;
  for (let i = 1; i < parts.length; i += 1) {
    const pair = `${parts[i - 1]}_${parts[i]}`;
    if (SECRET_PAIRS.has(pair)) return `name:${pair}`;
  }
  return null;
}

const URL_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:([^\s@/]+)@/i;
const KEY_VALUE_PASSWORD = /(?:^|[;\s])(?:password|pwd)\s*=\s*([^;\s]+)/i;

const VALUE_RULES: { rule: string; test: (value: string) => boolean }[] = [
  { rule: 'awsAccessKeyId', test: (v) => /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/.test(v) },
  {
    rule: 'privateKeyBlock',
    test: (v) => /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(v),
  },
  {
    rule: 'jwt',
    test: (v) => /\beyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}/.test(v),
  },
  { rule: 'urlCredentials', test: (v) => capturedSecret(URL_PASSWORD, v) },
  {
    rule: 'connectionStringPassword',
    test: (v) => capturedSecret(KEY_VALUE_PASSWORD, v),
  },
  {
    rule: 'githubToken',
    test: (v) => /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_\w{22,})/.test(v),
  },
  { rule: 'slackToken', test: (v) => /\bxox[abposr]-[A-Za-z0-9-]{10,}/.test(v) },
  { rule: 'stripeLiveKey', test: (v) => /\b[rs]k_live_[A-Za-z0-9]{16,}/.test(v) },
  {
    rule: 'authorizationHeader',
    test: (v) => /^(?:Bearer|Basic)\s+[\w.~+/=-]{8,}$/i.test(v.trim()),
  },
  { rule: 'highEntropy', test: isHighEntropy },
];

function capturedSecret(pattern: RegExp, value: string): boolean {
  const captured = pattern.exec(value)?.[1];
  // Short passwords still count inside a URL or connection string; placeholders do not.
  return captured !== undefined && !PLACEHOLDER.test(decodeURIComponentSafe(captured));
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const ENTROPY_CHARSET = /^[A-Za-z0-9+/=_-]{32,}$/;
/** Bits per character; random base64 scores about 4.5 to 5, hex at most 4. */
const ENTROPY_THRESHOLD = 4.2;

/**
 * A long token of mixed case and digits with high per-character entropy.
 * Hex digests (commit ids, image digests) stay below the threshold by
 * construction, so they are not flagged.
 */
export function isHighEntropy(value: string): boolean {
  if (!ENTROPY_CHARSET.test(value)) return false;
  if (!/[a-z]/.test(value) || !/[A-Z]/.test(value) || !/\d/.test(value)) return false;

  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy >= ENTROPY_THRESHOLD;
}

/**
 * Classifies a name/value pair. The value's shape is checked first (it holds
 * whatever the name); a secret-looking name counts only when its value is not
 * inert.
 */
export function classifyPlaintext(name: string, value: string): SecretMatch | null {
  if (value.trim().startsWith('arn:')) return null;

  const shaped = VALUE_RULES.find((rule) => rule.test(value));
  if (shaped !== undefined) return { rule: shaped.rule, matchedBy: 'value' };

  const named = secretNameRule(name);
  if (named !== null && !isInertValue(value)) return { rule: named, matchedBy: 'name' };
  return null;
}

/** What evidence may say about a value: its length, nothing of its content. */
export function redact(value: string): { redacted: string; length: number } {
  return { redacted: `<redacted: ${value.length} chars>`, length: value.length };
}
