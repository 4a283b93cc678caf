import { type AwsClients, createClients } from '../lib/observe/clients.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Placeholder keys for the local emulator, which accepts any credentials. */
export const EMULATOR_CREDENTIALS = {
  accessKeyId: 'emulator',
  secretAccessKey: 'emulator',
} as const;

/** True when the endpoint is on this machine (the local emulator). */
export function isLoopback(endpoint: string | undefined): boolean {
  if (endpoint === undefined) return false;
  try {
    return LOOPBACK.has(new URL(endpoint).hostname);
  } catch {
    return false;
  }
}

/**
 * The CLI's AWS clients. Against the local emulator, which accepts any
 * credentials, placeholder keys stand in when the environment names none;
 * everywhere else the default credential chain applies.
 */
export function cliClients(
  options: { region: string; endpoint: string | undefined },
  env: Record<string, string | undefined>,
): AwsClients {
  const named = env.AWS_ACCESS_KEY_ID !== undefined || env.AWS_PROFILE !== undefined;
  const placeholder = isLoopback(options.endpoint) && !named;
  return createClients({
    region: options.region,
    endpoint: options.endpoint,
    ...(placeholder ? { credentials: EMULATOR_CREDENTIALS } : {}),
  });
}
