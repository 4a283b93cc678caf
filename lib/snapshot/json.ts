/** Where and why JSON text failed to parse. Never quotes the text itself. */
export type JsonSyntaxProblem = { line: number; column: number; reason: string };

export type JsonParseResult =
  | { ok: true; value: unknown }
  | { ok: false; problem: JsonSyntaxProblem; cause: unknown };

/** Parse JSON text; on failure, locate the first syntax error by line and column. */
export function parseJsonText(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (cause) {
    // Node 20 reports no position for most errors, and its message quotes the
    // input (which may hold plaintext a user meant to flag): locate it ourselves.
    const { offset, reason } = locateSyntaxError(text);
    return { ok: false, problem: { ...lineColumn(text, offset), reason }, cause };
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

class Stop {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

const STRUCTURAL = new Set(['{', '}', '[', ']', ',', ':', '"']);

/**
 * Nesting the locator follows before it gives up. It reads recursively, and a
 * truncated document nested a few thousand levels deep would otherwise end in
 * a stack overflow instead of a position.
 */
const MAX_NESTING = 512;

/** Offset and reason of the first syntax error in text that JSON.parse rejected. */
export function locateSyntaxError(text: string): { offset: number; reason: string } {
  let at = 0;

  const unexpected = (): Stop => {
    if (at >= text.length) {
      return new Stop(at, 'unexpected end of input');
    }
    const char = text[at] ?? '';
    return new Stop(
      at,
      STRUCTURAL.has(char) ? `unexpected '${char}'` : 'unexpected character',
    );
  };
  const skipSpace = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text[at] ?? '')) at++;
  };
  const expect = (char: string): void => {
    skipSpace();
    if (text[at] !== char) throw unexpected();
    at++;
  };

  const string = (): void => {
    at++;
    while (at < text.length) {
      const char = text[at] ?? '';
      if (char === '"') {
        at++;
        return;
      }
      if (char < ' ') throw new Stop(at, 'control character in string');
      if (char === '\\') {
        at++;
        const escaped = text[at] ?? '';
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) {
            throw new Stop(at, 'invalid unicode escape');
          }
          at += 4;
        } else if (!'"\\/bfnrt'.includes(escaped) || escaped === '') {
          throw new Stop(at, 'invalid escape in string');
        }
      }
      at++;
    }
    throw new Stop(at, 'unterminated string');
  };

  const value = (): void => {
    skipSpace();
    const char = text[at];
    if (char === '{' || char === '[') {
      members(char === '{' ? '}' : ']', char === '{');
      return;
    }
    if (char === '"') {
      string();
      return;
    }
    const literal =
      /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
        text.slice(at),
      );
    if (literal === null || literal[0] === '') throw unexpected();
    at += literal[0].length;
  };

  let depth = 0;
  const members = (close: string, keyed: boolean): void => {
    depth++;
    if (depth > MAX_NESTING) {
      throw new Stop(at, `nested more than ${MAX_NESTING} levels deep`);
    }
    at++;
    skipSpace();
    if (text[at] === close) {
      at++;
      depth--;
      return;
    }
    for (;;) {
      if (keyed) {
        skipSpace();
        if (text[at] !== '"') throw unexpected();
        string();
        expect(':');
      }
      value();
      skipSpace();
      if (text[at] === ',') {
        at++;
        continue;
      }
      if (text[at] === close) {
        at++;
        depth--;
        return;
      }
      throw unexpected();
    }
  };

  try {
    value();
    skipSpace();
    if (at < text.length) throw unexpected();
  } catch (stop) {
    if (stop instanceof Stop) return { offset: stop.offset, reason: stop.reason };
    throw stop;
  }
  return { offset: text.length, reason: 'invalid JSON' };
}
