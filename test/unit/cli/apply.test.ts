import { describe, expect, it, vi } from 'vitest';
import type { Config } from '../../../lib/config/config.js';
import { run } from './run.js';

const seen = vi.hoisted(() => ({ regions: [] as string[] }));

vi.mock('../../../lib/reconcile/index.js', () => ({
  createReconcileRunner: (_clients: unknown, config: Config) => {
    seen.regions.push(config.region);
    return async () => ({
      report: {
        reconcileId: 'r-1',
        plan: { schemaVersion: 1, actions: [], findings: [], references: [] },
        outcomes: [],
        findings: [],
        published: { sent: 0, failed: 0, retryable: false },
        retryable: false,
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
});
