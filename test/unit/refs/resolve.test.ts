import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ArnScope, ObservedScope } from '../../../lib/refs/index.js';
import { missingVersion, resolveSecret } from '../../../lib/refs/index.js';
import { SecretSchema } from '../../../lib/snapshot/schema.js';
import type { Secret } from '../../../lib/snapshot/types.js';

/** Secrets of account 111122223333, mostly in us-east-1, as describe-secret prints them. */
function loadSecrets(): Secret[] {
  const file = new URL('../../fixtures/refs/secrets.json', import.meta.url);
  return z.array(SecretSchema).parse(JSON.parse(readFileSync(file, 'utf8')));
}

const SECRETS = loadSecrets();
const HOME: ArnScope = { partition: 'aws', region: 'us-east-1', account: '111122223333' };
const OBSERVED: ObservedScope = { account: '111122223333', region: 'us-east-1' };
const ARN = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:';
const DB = `${ARN}db-password-AbCdEf`;
const DB_WEST = 'arn:aws:secretsmanager:us-west-2:111122223333:secret:db-password-Zz9Yy8';
const DB_CN =
  'arn:aws-cn:secretsmanager:cn-north-1:111122223333:secret:db-password-Cn1Cn2';
const TRAP_NAME = `${ARN}app-a1b2c3-Qw3rTy`;
const TRAP_SUFFIX = `${ARN}app-a1b2c3`;

type Expected =
  | { status: 'resolved'; arn: string }
  | { status: 'ambiguous'; arns: string[] }
  | { status: 'notFound' }
  | { status: 'outsideSnapshot'; arn: string };

type Case = [
  label: string,
  id: string,
  scope: ArnScope,
  observed: ObservedScope | undefined,
  expected: Expected,
];

const CASES: Case[] = [
  [
    'the full-ARN id with its suffix',
    'db-password-AbCdEf',
    HOME,
    OBSERVED,
    { status: 'resolved', arn: DB },
  ],
  [
    'the name (partial ARN)',
    'db-password',
    HOME,
    OBSERVED,
    { status: 'resolved', arn: DB },
  ],
  ['a full ARN given as the id', DB, HOME, OBSERVED, { status: 'resolved', arn: DB }],
  [
    'a partial ARN given as the id',
    `${ARN}db-password`,
    HOME,
    OBSERVED,
    { status: 'resolved', arn: DB },
  ],
  [
    'the name in another region of the snapshot',
    'db-password',
    { ...HOME, region: 'us-west-2' },
    OBSERVED,
    { status: 'resolved', arn: DB_WEST },
  ],
  [
    'the name in the aws-cn partition',
    'db-password',
    { partition: 'aws-cn', region: 'cn-north-1', account: '111122223333' },
    undefined,
    { status: 'resolved', arn: DB_CN },
  ],
  [
    'a hierarchical name',
    'prod/payments/api-key',
    HOME,
    OBSERVED,
    { status: 'resolved', arn: `${ARN}prod/payments/api-key-Lm4Np7` },
  ],
  [
    'a name that ends in a word, never stripped',
    'svc-secret',
    HOME,
    OBSERVED,
    { status: 'resolved', arn: `${ARN}svc-secret-ZxCvBn` },
  ],
  [
    'the name trap: one name, another full-ARN id',
    'app-a1b2c3',
    HOME,
    OBSERVED,
    { status: 'ambiguous', arns: [TRAP_SUFFIX, TRAP_NAME] },
  ],
  [
    'the trap secret by its own full-ARN id',
    'app-a1b2c3-Qw3rTy',
    HOME,
    OBSERVED,
    { status: 'resolved', arn: TRAP_NAME },
  ],
  [
    'the suffixed secret by its name',
    'app',
    HOME,
    OBSERVED,
    { status: 'resolved', arn: TRAP_SUFFIX },
  ],
  [
    'a prefix of a name, not stripped to match',
    'svc',
    HOME,
    OBSERVED,
    { status: 'notFound' },
  ],
  [
    'a suffix one character short',
    'db-password-AbCdE',
    HOME,
    OBSERVED,
    { status: 'notFound' },
  ],
  ['a wrong suffix', 'db-password-XXXXXX', HOME, OBSERVED, { status: 'notFound' }],
  ['a name that differs in case', 'DB-PASSWORD', HOME, OBSERVED, { status: 'notFound' }],
  ['an empty id', '', HOME, OBSERVED, { status: 'notFound' }],
  [
    'an ARN of another service',
    'arn:aws:kms:us-east-1:111122223333:key/abc',
    HOME,
    OBSERVED,
    { status: 'notFound' },
  ],
  [
    'a missing name in another region',
    'nope',
    { ...HOME, region: 'eu-west-1' },
    OBSERVED,
    {
      status: 'outsideSnapshot',
      arn: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:nope',
    },
  ],
  [
    'a missing name in another account',
    'shared-AbCdEf',
    { ...HOME, account: '444455556666' },
    OBSERVED,
    {
      status: 'outsideSnapshot',
      arn: 'arn:aws:secretsmanager:us-east-1:444455556666:secret:shared-AbCdEf',
    },
  ],
  [
    'a cross-account ARN as the id',
    'arn:aws:secretsmanager:us-east-1:444455556666:secret:shared',
    HOME,
    OBSERVED,
    {
      status: 'outsideSnapshot',
      arn: 'arn:aws:secretsmanager:us-east-1:444455556666:secret:shared',
    },
  ],
  [
    'a missing name when nothing says what was observed',
    'nope',
    { ...HOME, region: 'eu-west-1' },
    undefined,
    { status: 'notFound' },
  ],
];

function summary(
  id: string,
  scope: ArnScope,
  observed: ObservedScope | undefined,
): Expected {
  const resolution = resolveSecret(id, scope, SECRETS, observed);
  switch (resolution.status) {
    case 'resolved':
      return { status: 'resolved', arn: resolution.secret.ARN };
    case 'ambiguous':
      return { status: 'ambiguous', arns: resolution.candidates.map((s) => s.ARN) };
    default:
      return resolution;
  }
}

describe('resolve', () => {
  it.each(CASES)('resolves %s (%j)', (_label, id, scope, observed, expected) => {
    expect(summary(id, scope, observed)).toEqual(expected);
  });

  it.each<
    [
      label: string,
      arn: string,
      stage: string | null,
      versionId: string | null,
      missing: boolean,
    ]
  >([
    ['following AWSCURRENT', DB, 'AWSCURRENT', null, false],
    ['following AWSPREVIOUS', DB, 'AWSPREVIOUS', null, false],
    ['following a stage on no version', DB, 'AWSPENDING', null, true],
    [
      'pinned to a listed version',
      DB,
      null,
      '7c1f2a9b-33d4-4e8a-a0b1-5c6d7e8f9a0b',
      false,
    ],
    [
      'pinned to an unknown version',
      DB,
      null,
      '99999999-8f21-4c6e-9b7a-2d5f1c0a9e84',
      true,
    ],
    [
      'following a custom stage from VersionIdsToStages',
      `${ARN}prod/payments/api-key-Lm4Np7`,
      'blue',
      null,
      false,
    ],
    [
      'following an absent custom stage',
      `${ARN}prod/payments/api-key-Lm4Np7`,
      'green',
      null,
      true,
    ],
    [
      'with no version data in the snapshot',
      DB_WEST,
      'AWSPENDING',
      '99999999-8f21-4c6e-9b7a-2d5f1c0a9e84',
      false,
    ],
    ['following nothing in particular', DB, null, null, false],
  ])(
    'missingVersion reports a reference %s',
    (_label, arn, stage, versionId, missing) => {
      const secret = SECRETS.find((s) => s.ARN === arn);
      if (secret === undefined) throw new Error(`no fixture secret ${arn}`);

      const result = missingVersion(secret, stage, versionId);

      expect(result !== null).toBe(missing);
    },
  );
});
