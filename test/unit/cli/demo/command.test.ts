import { describe, expect, it } from 'vitest';
import { run } from '../run.js';

describe('demo command', () => {
  it('exits 2 before starting anything when --logs would mix into --json', async () => {
    const result = await run(['demo', '--json', '--logs']);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      "option '--logs' cannot be used with option '--json'",
    );
  });
});
