import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../../lib/snapshot/json.js';

describe('json', () => {
  it.each([
    ['a missing value', '{\n  "a": 1,\n  "b": }', 3, 8, "unexpected '}'"],
    ['a truncated document', '{"a": [1, 2', 1, 12, 'unexpected end of input'],
    ['an empty text', '', 1, 1, 'unexpected end of input'],
    ['a misspelt literal', '{"a": tru}', 1, 7, 'unexpected character'],
    ['trailing text', '[1, 2]x', 1, 7, 'unexpected character'],
    ['a trailing comma', '{\n"a": [1, 2,]\n}', 2, 12, "unexpected ']'"],
    [
      'a raw newline inside a string',
      '{"a": "x\ny"}',
      1,
      9,
      'control character in string',
    ],
    ['a bad escape', '{"a": "\\q"}', 1, 9, 'invalid escape in string'],
    ['a short unicode escape', '{"a": "\\u12"}', 1, 9, 'invalid unicode escape'],
    ['a missing colon', '{"a" 1}', 1, 6, 'unexpected character'],
    ['an unterminated string', '{"a": "abc', 1, 11, 'unterminated string'],
    ['a single-quoted key', "{'a': 1}", 1, 2, 'unexpected character'],
  ])('locates %s', (_case, text, line, column, reason) => {
    const result = parseJsonText(text);

    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.problem).toEqual({ line, column, reason });
  });

  it('returns the value when the text is valid JSON', () => {
    expect(parseJsonText('{"a": [1, "\\u00e9"]}')).toEqual({
      ok: true,
      value: { a: [1, 'é'] },
    });
  });
});
