import { describe, expect, it } from 'vitest';
import { createClients } from '../../../lib/observe/clients.js';

describe('clients', () => {
  const clients = createClients({
    region: 'eu-west-1',
    endpoint: 'http://127.0.0.1:5000',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });

  it.each(Object.keys(clients))(
    'gives the %s client adaptive retry, so throttled calls back off',
    async (name) => {
      const client = clients[name as keyof typeof clients];

      const strategy = await client.config.retryStrategy();

      expect(strategy).toMatchObject({ mode: 'adaptive' });
      expect(await client.config.maxAttempts()).toBe(8);
      expect(await client.config.region()).toBe('eu-west-1');
    },
  );

  it('points every client at the endpoint override when one is given', async () => {
    for (const client of Object.values(clients)) {
      const endpoint = await client.config.endpoint?.();
      expect(endpoint?.hostname).toBe('127.0.0.1');
    }
  });
});
