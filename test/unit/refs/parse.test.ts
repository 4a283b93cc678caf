import { describe, expect, it } from 'vitest';
import type { FindingCode } from '../../../lib/plan/vocabulary.js';
import { parseSecretId, parseValueFrom, shapeIssues } from '../../../lib/refs/index.js';
import type { ArnScope, ParsedValueFrom } from '../../../lib/refs/types.js';

const HOME: ArnScope = { partition: 'aws', region: 'us-east-1', account: '111122223333' };
const SM = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:';
const SSM = 'arn:aws:ssm:us-east-1:111122223333:parameter/';
const UUID = '0e3b4d6a-8f21-4c6e-9b7a-2d5f1c0a9e84';

type Fields = { key?: string; stage?: string; id?: string };

const sm = (
  secretId: string,
  f: Fields = {},
  scope: ArnScope = HOME,
): ParsedValueFrom => ({
  ...scope,
  store: 'secretsmanager',
  secretId,
  jsonKey: f.key ?? null,
  versionStage: f.stage ?? null,
  versionId: f.id ?? null,
});
const ssm = (
  name: string,
  scope: ArnScope | null = null,
  secretsManagerId: string | null = null,
): ParsedValueFrom => ({ store: 'ssm', name, scope, secretsManagerId });
const invalid: ParsedValueFrom = {
  store: 'invalid',
  code: 'InvalidValueFrom',
  message: expect.any(String) as unknown as string,
};

const CN: ArnScope = {
  partition: 'aws-cn',
  region: 'cn-north-1',
  account: '111122223333',
};
const GOV: ArnScope = {
  partition: 'aws-us-gov',
  region: 'us-gov-west-1',
  account: '111122223333',
};
const OTHER_ACCOUNT: ArnScope = { ...HOME, account: '444455556666' };
const OTHER_REGION: ArnScope = { ...HOME, region: 'eu-west-1' };

type Case = [
  label: string,
  value: string,
  parsed: ParsedValueFrom,
  issues: FindingCode[],
];

const CASES: Case[] = [
  // Secrets Manager, one field
  ['full ARN with suffix', `${SM}db-password-AbCdEf`, sm('db-password-AbCdEf'), []],
  ['partial ARN', `${SM}db-password`, sm('db-password'), []],
  [
    'hierarchical name',
    `${SM}prod/payments/db-AbCdEf`,
    sm('prod/payments/db-AbCdEf'),
    [],
  ],
  ['name with + = . @ _', `${SM}svc+a=b.c@d_e`, sm('svc+a=b.c@d_e'), []],
  ['name trap kept whole', `${SM}app-a1b2c3`, sm('app-a1b2c3'), []],
  ['name ending in a word kept whole', `${SM}svc-secret`, sm('svc-secret'), []],
  // Secrets Manager, four fields
  [
    'JSON key, trailing colons',
    `${SM}db-AbCdEf:password::`,
    sm('db-AbCdEf', { key: 'password' }),
    [],
  ],
  [
    'JSON key and stage',
    `${SM}db:password:AWSPREVIOUS:`,
    sm('db', { key: 'password', stage: 'AWSPREVIOUS' }),
    [],
  ],
  ['stage only', `${SM}db::AWSCURRENT:`, sm('db', { stage: 'AWSCURRENT' }), []],
  ['custom stage', `${SM}db::blue:`, sm('db', { stage: 'blue' }), []],
  ['pinned version id', `${SM}db:::${UUID}`, sm('db', { id: UUID }), []],
  [
    'JSON key and version id',
    `${SM}db:user::${UUID}`,
    sm('db', { key: 'user', id: UUID }),
    [],
  ],
  ['all fields empty', `${SM}db:::`, sm('db'), []],
  // Partitions, accounts, regions
  [
    'aws-cn partition',
    'arn:aws-cn:secretsmanager:cn-north-1:111122223333:secret:db',
    sm('db', {}, CN),
    [],
  ],
  [
    'aws-us-gov partition',
    'arn:aws-us-gov:secretsmanager:us-gov-west-1:111122223333:secret:db',
    sm('db', {}, GOV),
    [],
  ],
  [
    'cross-account ARN',
    'arn:aws:secretsmanager:us-east-1:444455556666:secret:shared-AbCdEf',
    sm('shared-AbCdEf', {}, OTHER_ACCOUNT),
    [],
  ],
  [
    'cross-region ARN with key',
    'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db:pw::',
    sm('db', { key: 'pw' }, OTHER_REGION),
    [],
  ],
  // Wrong field counts
  ['two fields', `${SM}db:password`, invalid, ['InvalidValueFrom']],
  ['three fields', `${SM}db:password:`, invalid, ['InvalidValueFrom']],
  [
    'three fields from two trailing colons',
    `${SM}db-AbCdEf::`,
    invalid,
    ['InvalidValueFrom'],
  ],
  ['five fields', `${SM}db:password:AWSCURRENT::`, invalid, ['InvalidValueFrom']],
  ['six fields', `${SM}db:a:b:c:d:e`, invalid, ['InvalidValueFrom']],
  ['empty id', SM, invalid, ['InvalidValueFrom']],
  ['empty id in four fields', `${SM}:password::`, invalid, ['InvalidValueFrom']],
  ['id with a character no name holds', `${SM}db#1`, invalid, ['InvalidValueFrom']],
  // Not a Secrets Manager secret ARN
  [
    'missing account',
    'arn:aws:secretsmanager:us-east-1::secret:db',
    invalid,
    ['InvalidValueFrom'],
  ],
  [
    'short account',
    'arn:aws:secretsmanager:us-east-1:1234:secret:db',
    invalid,
    ['InvalidValueFrom'],
  ],
  [
    'missing region',
    'arn:aws:secretsmanager::111122223333:secret:db',
    invalid,
    ['InvalidValueFrom'],
  ],
  [
    'unknown partition',
    'arn:azure:secretsmanager:us-east-1:111122223333:secret:db',
    invalid,
    ['InvalidValueFrom'],
  ],
  [
    'not a secret resource',
    'arn:aws:secretsmanager:us-east-1:111122223333:rotation:db',
    invalid,
    ['InvalidValueFrom'],
  ],
  ['truncated ARN', 'arn:aws:secretsmanager', invalid, ['InvalidValueFrom']],
  [
    'KMS key ARN',
    'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    invalid,
    ['InvalidValueFrom'],
  ],
  ['S3 object ARN', 'arn:aws:s3:::config-bucket/db.env', invalid, ['InvalidValueFrom']],
  [
    'SSM document ARN',
    'arn:aws:ssm:us-east-1:111122223333:document/setup',
    invalid,
    ['InvalidValueFrom'],
  ],
  ['empty string', '', invalid, ['InvalidValueFrom']],
  ['words with spaces', 'my db password', invalid, ['InvalidValueFrom']],
  ['ARN with a leading space', ` ${SM}db`, invalid, ['InvalidValueFrom']],
  // SSM parameters
  ['bare parameter name', 'db_password', ssm('db_password'), []],
  ['hierarchical parameter name', '/prod/payments/db', ssm('/prod/payments/db'), []],
  ['hierarchy without a leading slash', 'prod/db', invalid, ['InvalidValueFrom']],
  ['empty hierarchy level', '/prod//db', invalid, ['InvalidValueFrom']],
  ['parameter ARN, hierarchical', `${SSM}prod/db`, ssm('/prod/db', HOME), []],
  ['parameter ARN, one level', `${SSM}db_password`, ssm('db_password', HOME), []],
  [
    'parameter ARN, other region',
    'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/db',
    ssm('/prod/db', OTHER_REGION),
    [],
  ],
  [
    'parameter ARN, aws-cn',
    'arn:aws-cn:ssm:cn-north-1:111122223333:parameter/db',
    ssm('db', CN),
    [],
  ],
  // Secrets Manager through Parameter Store
  [
    'SSM reference by name',
    '/aws/reference/secretsmanager/db-password',
    ssm('/aws/reference/secretsmanager/db-password', null, 'db-password'),
    [],
  ],
  [
    'SSM reference to a hierarchical secret',
    '/aws/reference/secretsmanager/prod/db',
    ssm('/aws/reference/secretsmanager/prod/db', null, 'prod/db'),
    [],
  ],
  [
    'SSM reference by ARN',
    `${SSM}aws/reference/secretsmanager/db-password`,
    ssm('/aws/reference/secretsmanager/db-password', HOME, 'db-password'),
    [],
  ],
  [
    'SSM reference naming nothing',
    '/aws/reference/secretsmanager/',
    invalid,
    ['InvalidValueFrom'],
  ],
  // Wrong shapes that parse
  [
    'stage in the version-id field',
    `${SM}db:::AWSCURRENT`,
    sm('db', { id: 'AWSCURRENT' }),
    ['MalformedVersionReference'],
  ],
  [
    'short label in the version-id field',
    `${SM}db:::v2`,
    sm('db', { id: 'v2' }),
    ['MalformedVersionReference'],
  ],
  [
    'version id in the stage field',
    `${SM}db::${UUID}:`,
    sm('db', { stage: UUID }),
    ['MalformedVersionReference'],
  ],
  [
    'both stage and version id',
    `${SM}db::AWSPREVIOUS:${UUID}`,
    sm('db', { stage: 'AWSPREVIOUS', id: UUID }),
    ['MalformedVersionReference'],
  ],
  [
    'dotted JSON key',
    `${SM}db:conn.password::`,
    sm('db', { key: 'conn.password' }),
    ['UnsupportedNestedJsonKey'],
  ],
  [
    'indexed JSON key',
    `${SM}db:hosts[0]::`,
    sm('db', { key: 'hosts[0]' }),
    ['UnsupportedNestedJsonKey'],
  ],
  [
    'nested key and both version fields',
    `${SM}db:a.b:AWSCURRENT:${UUID}`,
    sm('db', { key: 'a.b', stage: 'AWSCURRENT', id: UUID }),
    ['MalformedVersionReference', 'UnsupportedNestedJsonKey'],
  ],
];

describe('parse', () => {
  it('has a table of at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)('reads %s when valueFrom is %j', (_label, value, parsed, issues) => {
    const result = parseValueFrom(value);

    expect(result).toEqual(parsed);
    expect(shapeIssues(result).map((issue) => issue.code)).toEqual(issues);
  });

  it.each<[label: string, value: string, parsed: ParsedValueFrom]>([
    ['a bare name as a secret in the home scope', 'registry-creds', sm('registry-creds')],
    ['a name that ends like a suffix, whole', 'app-a1b2c3', sm('app-a1b2c3')],
    [
      'a bare SSM reference path as a secret name',
      '/aws/reference/secretsmanager/x',
      sm('/aws/reference/secretsmanager/x'),
    ],
    [
      'a full ARN with its own scope',
      'arn:aws:secretsmanager:eu-west-1:111122223333:secret:hub-AbCdEf',
      sm('hub-AbCdEf', {}, OTHER_REGION),
    ],
    ['an SSM parameter ARN as invalid', `${SSM}prod/db`, invalid],
    ['a name with a space as invalid', 'registry creds', invalid],
    ['an empty value as invalid', '', invalid],
  ])('parseSecretId reads %s', (_label, value, parsed) => {
    expect(parseSecretId(value, HOME)).toEqual(parsed);
  });
});
