import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoSummary } from '../../cli/demo/summary.js';

const run = promisify(execFile);

/** True when something still answers HTTP at `endpoint`. */
async function answers(endpoint: string): Promise<boolean> {
  try {
    await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

describe('demo (built bin)', () => {
  let summary: DemoSummary;
  let stderr: string;

  beforeAll(async () => {
    // The README's first command, as a person runs it, with the summary as JSON.
    const result = await run(
      'node',
      ['bin/ecs-secret-reconciler.mjs', 'demo', '--json'],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    summary = JSON.parse(result.stdout) as DemoSummary;
    stderr = result.stderr;
  }, 180_000);

  it('passes every check it makes of the emulator afterwards', () => {
    expect(summary.checks.filter((check) => !check.passed)).toEqual([]);
    expect(summary.ok).toBe(true);
    expect(stderr).not.toContain('Error');
  });

  it('redeploys, skips pinned and opted-out, signals and blocks from one rotation', () => {
    const by = (action: string, reason: string) =>
      summary.services.filter((s) => s.action === action && s.reason === reason);

    const redeployed = by('redeploy', 'SecretVersionChanged');
    expect(redeployed.length).toBeGreaterThan(0);
    expect(
      redeployed.every((s) => s.outcome === 'succeeded' && s.deployment.changed),
    ).toBe(true);
    expect(by('skip', 'VersionPinned')).toHaveLength(1);
    expect(by('skip', 'OptedOut')).toHaveLength(1);
    expect(summary.services.some((s) => s.action === 'signal')).toBe(true);
    expect(summary.signals.length).toBeGreaterThan(0);
    const blocked = by('block', 'PreflightFailed');
    expect(blocked).toHaveLength(1);
    expect(blocked[0]?.deployment.changed).toBe(false);
    expect(summary.resync).toEqual({ deploymentsStarted: 0, signalsSent: 0 });
  });

  it('stops the emulator it started', async () => {
    expect(summary.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await answers(summary.endpoint)).toBe(false);
  });
});
