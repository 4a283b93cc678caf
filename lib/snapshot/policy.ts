/**
 * Decode a policy document as AWS tools hand it over: an object (the CLI
 * decodes IAM documents), a JSON string (secret resource policies, KMS key
 * policies, endpoint policies) or a URL-encoded JSON string (IAM API
 * responses taken raw). Returns null when it is none of these, so a check
 * can report it as unverifiable instead of guessing.
 */
export function policyDocument(raw: unknown): Record<string, unknown> | null {
  if (isPlainObject(raw)) {
    return raw;
  }
  if (typeof raw !== 'string') {
    return null;
  }
  return fromText(raw.trim(), 0);
}

/** Nested JSON strings (a document serialised twice) are unwrapped this many times. */
const MAX_DEPTH = 2;

function fromText(text: string, depth: number): Record<string, unknown> | null {
  if (text === '' || depth > MAX_DEPTH) {
    return null;
  }

  const parsed = parseJson(text) ?? parseJson(urlDecode(text));
  if (isPlainObject(parsed)) {
    return parsed;
  }
  if (typeof parsed === 'string') {
    return fromText(parsed.trim(), depth + 1);
  }
  return null;
}

function parseJson(text: string | null): unknown {
  if (text === null) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * IAM encodes documents per RFC 3986 (%20 for a space); form encoders write
 * `+`. A literal `+` inside a JSON policy is rare but legal, so `+` becomes a
 * space only when the plain decoding does not yield JSON.
 */
function urlDecode(text: string): string | null {
  if (!/%[0-9a-fA-F]{2}/.test(text) && !text.includes('+')) {
    return null;
  }
  const plain = safeDecode(text);
  if (plain !== null && parseJson(plain) !== null) {
    return plain;
  }
  return safeDecode(text.replaceAll('+', ' '));
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
