import { inject } from 'vitest';

/** Client settings that point the SDK at the test emulator. */
export function emulatorClientConfig(): {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
} {
  return {
    endpoint: inject('awsEndpoint'),
    region: 'us-east-1',
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  };
}

/** Empties the emulator so each test file starts from nothing. */
export async function resetEmulator(): Promise<void> {
  const response = await fetch(`${inject('awsEndpoint')}/moto-api/reset`, {
    method: 'POST',
  });
  if (!response.ok) throw new Error(`emulator reset failed: HTTP ${response.status}`);
}
