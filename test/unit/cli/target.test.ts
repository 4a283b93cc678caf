import { describe, expect, it } from 'vitest';
import { InputError } from '../../../cli/errors.js';
import { targetOf } from '../../../cli/target.js';

describe('target', () => {
  it.each([
    ['the flag', { region: 'eu-west-1' }, { AWS_REGION: 'us-west-2' }, 'eu-west-1'],
    [
      'AWS_REGION',
      {},
      { AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'eu-west-1' },
      'us-west-2',
    ],
    ['AWS_DEFAULT_REGION', {}, { AWS_DEFAULT_REGION: 'eu-west-1' }, 'eu-west-1'],
    ['the default', {}, {}, 'us-east-1'],
  ])('takes the region from %s when it is the first one set', (_, flags, env, region) => {
    expect(targetOf(flags, env).region).toBe(region);
  });

  it('prefers --endpoint-url to AWS_ENDPOINT_URL when both are set', () => {
    const target = targetOf(
      { endpointUrl: 'http://127.0.0.1:5000' },
      { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' },
    );

    expect(target.endpoint).toBe('http://127.0.0.1:5000');
  });

  it('throws an InputError when the endpoint is not a URL', () => {
    expect(() => targetOf({ endpointUrl: 'not a url' }, {})).toThrow(InputError);
  });
});
