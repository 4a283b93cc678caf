import type { Log } from '../log.js';

const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedException',
  'UnrecognizedClientException',
]);

const NOT_FOUND = new Set([
  'ResourceNotFoundException',
  'NoSuchEntity',
  'NoSuchEntityException',
  'NotFoundException',
  'ClusterNotFoundException',
]);

function errorName(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object') {
    return undefined;
  }
  const named = error as { name?: unknown; Code?: unknown };
  if (typeof named.Code === 'string') {
    return named.Code;
  }
  return typeof named.name === 'string' ? named.name : undefined;
}

/** True when AWS refused the call for lack of permission. */
export function isAccessDenied(error: unknown): boolean {
  const name = errorName(error);
  return name !== undefined && ACCESS_DENIED.has(name);
}

/** True when the resource asked for does not exist. */
export function isNotFound(error: unknown): boolean {
  const name = errorName(error);
  return name !== undefined && NOT_FOUND.has(name);
}

/**
 * Reads an optional snapshot section. When AWS denies a read the section is
 * left out (its checks report Unverifiable) and a warning says which call
 * was refused; any other error is thrown.
 */
export async function readSection<T>(
  log: Log,
  section: string,
  read: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (!isAccessDenied(error)) {
      throw error;
    }
    log.warn('snapshot section left out: access denied', {
      section,
      error: errorName(error),
      detail: error instanceof Error ? error.message : undefined,
    });
    return undefined;
  }
}
