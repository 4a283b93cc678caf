import { describe, expect, it } from 'vitest';
import { run } from './run.js';

const FLEET = 'examples/fleet.json';
const WEB_ONLY = 'test/fixtures/cli/resync-web-session-key.json';

describe('fail-on', () => {
  it.each([
    { severity: 'critical', format: 'table', code: 3 },
    { severity: 'info', format: 'json', code: 3 },
    { severity: 'low', format: 'table', code: 3 },
  ])(
    'exits $code after printing when a $severity finding exists ($format)',
    async ({ severity, format, code }) => {
      const result = await run([
        'plan',
        '--snapshot',
        FLEET,
        '--format',
        format,
        '--fail-on',
        severity,
      ]);

      expect(result.code).toBe(code);
      expect(result.stdout.length).toBeGreaterThan(0);
      expect(result.stderr).toMatch(new RegExp(`finding\\(s\\) at or above ${severity}`));
    },
  );

  it('exits 0 when no finding reaches the severity', async () => {
    const plan = await run([
      'plan',
      '--snapshot',
      FLEET,
      '--event',
      WEB_ONLY,
      '--format',
      'json',
    ]);
    const worst = JSON.parse(plan.stdout).findings.map(
      (f: { severity: string }) => f.severity,
    );
    expect(worst).not.toContain('critical');

    const result = await run([
      'plan',
      '--snapshot',
      FLEET,
      '--event',
      WEB_ONLY,
      '--fail-on',
      'critical',
    ]);

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('takes the severity in any case, as the table prints it', async () => {
    const result = await run(['plan', '--snapshot', FLEET, '--fail-on', 'CRITICAL']);

    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/finding\(s\) at or above critical/);
  });

  it('exits 2 when the severity is not one of the vocabulary', async () => {
    const result = await run(['plan', '--snapshot', FLEET, '--fail-on', 'severe']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'severe' is invalid");
    expect(result.stderr).toContain('run ecs-secret-reconciler plan --help for usage');
  });

  it('groups findings by service, worst group first, in the table', async () => {
    const result = await run(['plan', '--snapshot', FLEET]);

    const section = result.stdout.slice(result.stdout.indexOf('FINDINGS ('));
    const groups = section.split('\n').filter((line) => /^ {2}\S/.test(line));
    expect(groups.length).toBeGreaterThan(5);
    const firstSeverity = /^ {4}(\w+)/.exec(section.split('\n')[2] ?? '')?.[1];
    expect(firstSeverity).toBe('CRITICAL');
    expect(new Set(groups).size).toBe(groups.length);
  });
});
