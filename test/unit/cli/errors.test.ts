import { describe, expect, it } from 'vitest';
import { unreachableEndpoint } from '../../../cli/errors.js';

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:9`), { code });
}

describe('errors', () => {
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET'])(
    'says the endpoint cannot be reached and where it is set when the socket fails with %s',
    (code) => {
      const sentence = unreachableEndpoint(socketError(code));

      expect(sentence).toContain(`cannot reach AWS (connect ${code} 127.0.0.1:9)`);
      expect(sentence).toContain('--endpoint-url or AWS_ENDPOINT_URL');
    },
  );

  it.each([
    {
      when: 'an AWS service error',
      error: Object.assign(new Error('denied'), { code: 'AccessDenied' }),
    },
    { when: 'an error without a code', error: new Error('boom') },
    { when: 'something that is not an Error', error: { code: 'ECONNREFUSED' } },
  ])('says nothing about reaching AWS for $when', ({ error }) => {
    expect(unreachableEndpoint(error)).toBeNull();
  });
});
