import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../lib/config/config.js';

function thrownBy(run: () => unknown): Error | undefined {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  return undefined;
}

describe('config', () => {
  it('fills every default when the environment sets nothing', () => {
    const config = loadConfig({});

    expect(config).toMatchObject({
      mode: 'enforce',
      maxDeploymentsPerCluster: 5,
      updateServiceRate: 1,
      clusters: [],
      region: 'us-east-1',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names each bad variable and keeps the validation error as cause when invalid', () => {
    const attempt = () =>
      loadConfig({ RECONCILER_MODE: 'sometimes', MAX_DEPLOYMENTS_PER_CLUSTER: '0' });

    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/RECONCILER_MODE.*MAX_DEPLOYMENTS_PER_CLUSTER/);
    expect(thrownBy(attempt)?.cause).toBeInstanceOf(Error);
  });
});
