import { describe, expect, it } from 'vitest';
import { isRetryableError, RedeployError } from '../../../lib/act/index.js';

function sdkError(name: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(name), { name, ...extra });
}

describe('errors', () => {
  it.each([
    ['ThrottlingException', sdkError('ThrottlingException'), true],
    ['a server fault', sdkError('ServerException', { $fault: 'server' }), true],
    ['HTTP 503', sdkError('Unknown', { $metadata: { httpStatusCode: 503 } }), true],
    [
      'a reset connection',
      Object.assign(new Error('reset'), { code: 'ECONNRESET' }),
      true,
    ],
    [
      'ServiceNotFoundException',
      sdkError('ServiceNotFoundException', { $fault: 'client' }),
      false,
    ],
    [
      'AccessDeniedException',
      sdkError('AccessDeniedException', { $metadata: { httpStatusCode: 403 } }),
      false,
    ],
    ['a plain string', 'boom', false],
  ])('classifies %s (retryable: %s)', (_label, error, retryable) => {
    expect(isRetryableError(error)).toBe(retryable);
  });

  it('keeps the SDK error as cause and its retryability when wrapping', () => {
    const cause = sdkError('ThrottlingException');

    const error = new RedeployError('cannot redeploy web', { cause });

    expect(error).toMatchObject({ name: 'RedeployError', cause, retryable: true });
    expect(error.causeName).toBe('ThrottlingException');
  });
});
