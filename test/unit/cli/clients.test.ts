import { describe, expect, it } from 'vitest';
import { cliClients, isLoopback } from '../../../cli/clients.js';

describe('clients', () => {
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

  it.each([
    [
      'uses placeholder keys for the emulator when the environment names none',
      {},
      'emulator',
    ],
    [
      'keeps the keys the environment names for the emulator',
      { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'example' },
      'AKIDEXAMPLE',
    ],
  ])('%s', async (_name, env, keyId) => {
    const clients = cliClients(
      { region: 'us-east-1', endpoint: 'http://127.0.0.1:1' },
      env,
    );

    const credentials = await clients.ecs.config.credentials();

    expect(credentials.accessKeyId).toBe(keyId);
  });
});
