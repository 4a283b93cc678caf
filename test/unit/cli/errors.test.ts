import { describe, expect, it } from 'vitest';
import { unreachableEndpoint } from '../../../cli/errors.js';

function socketError(code: string, message = `connect ${code} 127.0.0.1:9`): Error {
  return Object.assign(new Error(message), { code });
}

describe('errors', () => {
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT'])(
    'says AWS cannot be reached and what to check when the socket fails with %s',
    (code) => {
      const sentence = unreachableEndpoint(socketError(code));

      expect(sentence).toContain(`cannot reach AWS (connect ${code} 127.0.0.1:9)`);
      expect(sentence).toContain('check the network and the region');
      expect(sentence).toContain(
        'the endpoint override if one is set (--endpoint-url or AWS_ENDPOINT_URL)',
      );
    },
  );

  it.each([
    { when: 'an AWS service error', error: socketError('AccessDenied', 'denied') },
    { when: 'a connection a reachable endpoint reset', error: socketError('ECONNRESET') },
    { when: 'an error without a code', error: new Error('boom') },
    { when: 'something that is not an Error', error: { code: 'ECONNREFUSED' } },
  ])('says nothing about reaching AWS for $when', ({ error }) => {
    expect(unreachableEndpoint(error)).toBeNull();
  });
});
