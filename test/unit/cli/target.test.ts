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

  it.each([
    {
      from: 'the flag',
      flags: { endpointUrl: 'not a url' },
      env: {},
      named: '--endpoint-url',
    },
    {
      from: 'the environment',
      flags: {},
      env: { AWS_ENDPOINT_URL: 'not a url' },
      named: 'AWS_ENDPOINT_URL',
    },
  ])(
    'throws an InputError naming $named when the endpoint from $from is not a URL',
    ({ flags, env, named }) => {
      expect(() => targetOf(flags, env)).toThrow(InputError);
      expect(() => targetOf(flags, env)).toThrow(`${named} not a url is not a URL`);
    },
  );

  it('reads an empty AWS_ENDPOINT_URL as unset', () => {
    expect(targetOf({}, { AWS_ENDPOINT_URL: '' }).endpoint).toBeUndefined();
  });
});
