import { describe, expect, it } from 'vitest';
import { classifyEvent } from '../../../lib/events/index.js';
import type { EventResult } from '../../../lib/events/types.js';

const AT = '2024-05-01T12:00:00.000Z';
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbC123';

function labelUpdated(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    version: '0',
    id: 'e1',
    'detail-type': 'Secret Label Updated',
    source: 'aws.secretsmanager',
    account: '111122223333',
    time: '2024-05-01T12:00:00Z',
    region: 'us-east-1',
    resources: [SECRET_ARN],
    detail: { name: 'db', labelUpdated: 'AWSCURRENT', versionId: 'v1' },
    ...overrides,
  };
}

function secretIdOf(result: EventResult): string | null {
  return result.outcome === 'trigger' && result.trigger.kind === 'secretChanged'
    ? result.trigger.secretId
    : null;
}

describe('classify (hostile input)', () => {
  it.each<[string, unknown, string]>([
    [
      'detail is a JSON string',
      labelUpdated({ detail: '{"name":"db"}' }),
      'InvalidField',
    ],
    ['detail is an array', labelUpdated({ detail: [{ name: 'db' }] }), 'InvalidField'],
    [
      'resources is an object',
      labelUpdated({ resources: { 0: SECRET_ARN } }),
      'InvalidField',
    ],
    ['the envelope is an array', [labelUpdated({})], 'NotAnObject'],
    [
      'CloudTrail reports another service',
      labelUpdated({
        'detail-type': 'AWS API Call via CloudTrail',
        detail: { eventSource: 'ecs.amazonaws.com', eventName: 'UpdateService' },
      }),
      'InvalidField',
    ],
    [
      'CloudTrail comes from another source',
      labelUpdated({
        source: 'aws.ecs',
        'detail-type': 'AWS API Call via CloudTrail',
        detail: { eventSource: 'ecs.amazonaws.com', eventName: 'UpdateService' },
      }),
      'UnknownDetailType',
    ],
    ['the scope is null', { scope: null }, 'InvalidField'],
    [
      'the scope names clusters as a string',
      { scope: { clusters: 'prod' } },
      'InvalidField',
    ],
    ['the scope is "ALL"', { scope: 'ALL' }, 'InvalidField'],
  ])('drops the event when %s', (_case, input, reason) => {
    const result = classifyEvent(input, AT);

    expect(result).toMatchObject({ outcome: 'unrecognised', reason });
  });

  it.each<[string, unknown[], string]>([
    ['resources holds the secret ARN', [SECRET_ARN], SECRET_ARN],
    ['resources is empty', [], 'db'],
    ['resources holds an empty string', [''], 'db'],
    ['resources holds a bare name', ['other'], 'db'],
    [
      'resources holds an ECS ARN',
      ['arn:aws:ecs:us-east-1:111122223333:service/main/api'],
      'db',
    ],
    [
      'resources holds a parameter ARN',
      ['arn:aws:ssm:us-east-1:111122223333:parameter/db'],
      'db',
    ],
  ])(
    'takes the secret of a label update from the event when %s',
    (_case, resources, id) => {
      const result = classifyEvent(labelUpdated({ resources }), AT);

      expect(secretIdOf(result)).toBe(id);
    },
  );
});
