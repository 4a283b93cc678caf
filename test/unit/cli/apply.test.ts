import { describe, expect, it, vi } from 'vitest';
import type { Config } from '../../../lib/config/config.js';
import { run } from './run.js';

const seen = vi.hoisted(() => ({
  regions: [] as string[],
  outcomes: [] as unknown[],
  retryable: false,
}));

vi.mock('../../../lib/reconcile/index.js', () => ({
  createReconcileRunner: (_clients: unknown, config: Config) => {
    seen.regions.push(config.region);
    return async () => ({
      report: {
        reconcileId: 'r-1',
        plan: { schemaVersion: 1, actions: [], findings: [], references: [] },
        outcomes: seen.outcomes,
        findings: [],
        published: { sent: 0, failed: 0, retryable: false },
        retryable: seen.retryable,
      },
      snapshot: {},
    });
  },
}));

describe('apply', () => {
  it.each([
    [{ AWS_DEFAULT_REGION: 'eu-west-1' }, 'eu-west-1'],
    [{ AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'eu-west-1' }, 'us-west-2'],
    [{}, 'us-east-1'],
  ])('reconciles in the region the environment names (%o)', async (env, region) => {
    seen.regions.length = 0;

    const result = await run(['apply', '--dry-run', '--format', 'json'], { env });

    expect(result.code).toBe(0);
    expect(seen.regions).toEqual([region]);
  });

  it.each([
    [true, 'some may pass if apply runs again'],
    [false, 'running apply again will not help'],
  ])(
    'says whether to retry when actions failed (retryable: %s)',
    async (retryable, hint) => {
      seen.outcomes = [{ outcome: 'failed' }];
      seen.retryable = retryable;

      const result = await run(['apply', '--format', 'json'], { env: {} });

      expect(result.code).toBe(1);
      expect(result.stderr).toContain(hint);
      seen.outcomes = [];
      seen.retryable = false;
    },
  );
});
