import { afterEach, describe, expect, it, vi } from 'vitest';
import { cliClients, isLoopback } from '../../../cli/clients.js';

const EMULATOR = { region: 'us-east-1', endpoint: 'http://127.0.0.1:1' };

describe('clients', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each([
    ['http://127.0.0.1:4566', true],
    ['http://localhost:5000', true],
    ['http://[::1]:5000', true],
    ['https://secretsmanager.us-east-1.amazonaws.com', false],
    ['not a url', false],
    [undefined, false],
  ])('tells whether %s is the local emulator', (endpoint, expected) => {
    expect(isLoopback(endpoint)).toBe(expected);
  });

  it('uses placeholder keys for the emulator when the environment names none', async () => {
    const clients = cliClients(EMULATOR, {});

    const credentials = await clients.ecs.config.credentials();

    expect(credentials.accessKeyId).toBe('emulator');
  });

  it('keeps the default credential chain when the environment names keys', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'example');
    const clients = cliClients(EMULATOR, { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE' });

    const credentials = await clients.ecs.config.credentials();

    expect(credentials.accessKeyId).toBe('AKIDEXAMPLE');
  });
});
