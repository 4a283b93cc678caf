import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../lib/drift/iam/evaluate.js';
import type { EvalRequest, PolicySet } from '../../../../lib/drift/iam/types.js';

const HOME = '111122223333';
const OTHER = '444455556666';
const ROLE = `arn:aws:iam::${HOME}:role/ecs-exec`;
const SECRET = `arn:aws:secretsmanager:us-east-1:${HOME}:secret:app/db-AbCdEf`;
const KEY = `arn:aws:kms:us-east-1:${HOME}:key/1234abcd`;

const read = (context: EvalRequest['context'] = {}): EvalRequest => ({
  principalArn: ROLE,
  action: 'secretsmanager:GetSecretValue',
  resource: SECRET,
  context,
});

const decrypt = (context: EvalRequest['context'] = {}): EvalRequest => ({
  principalArn: ROLE,
  action: 'kms:Decrypt',
  resource: KEY,
  context: {
    'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com',
    'kms:CallerAccount': HOME,
    'kms:EncryptionContext:SecretARN': SECRET,
    ...context,
  },
});

const doc = (...Statement: Record<string, unknown>[]) => ({
  Version: '2012-10-17',
  Statement,
});
const allow = (extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow',
  Action: 'secretsmanager:GetSecretValue',
  Resource: '*',
  ...extra,
});
const identity = (...statements: Record<string, unknown>[]): PolicySet => ({
  identity: [{ name: 'inline', document: doc(...statements) }],
  principalAccount: HOME,
  resourceAccount: HOME,
});
const rootKeyPolicy = doc({
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${HOME}:root` },
  Action: 'kms:*',
  Resource: '*',
});

type Row = { name: string; request: EvalRequest; policies: PolicySet; result: string };

const rows: Row[] = [
  {
    name: 'an identity statement allows',
    request: read(),
    policies: identity(allow()),
    result: 'allowed',
  },
  {
    name: 'nothing allows',
    request: read(),
    policies: identity(),
    result: 'implicitDeny',
  },
  {
    name: 'a deny outranks an allow',
    request: read(),
    policies: identity(allow(), { ...allow(), Effect: 'Deny' }),
    result: 'explicitDeny',
  },
  {
    name: 'a condition needs a VersionStage ECS does not send',
    request: read(),
    policies: identity(
      allow({
        Condition: { StringEquals: { 'secretsmanager:VersionStage': 'AWSCURRENT' } },
      }),
    ),
    result: 'implicitDeny',
  },
  {
    name: 'an IfExists condition tolerates the missing VersionStage',
    request: read(),
    policies: identity(
      allow({
        Condition: {
          StringEqualsIfExists: { 'secretsmanager:VersionStage': 'AWSCURRENT' },
        },
      }),
    ),
    result: 'allowed',
  },
  {
    name: 'a secretsmanager:ResourceTag condition matches the secret tag',
    request: read({ 'secretsmanager:ResourceTag/team': 'payments' }),
    policies: identity(
      allow({
        Condition: { StringEquals: { 'secretsmanager:ResourceTag/team': 'payments' } },
      }),
    ),
    result: 'allowed',
  },
  {
    name: 'the only allow uses a policy variable',
    request: read(),
    policies: identity(
      allow({ Resource: `arn:aws:secretsmanager:*:*:secret:\${aws:username}` }),
    ),
    result: 'unverifiable',
  },
  {
    name: 'the only allow uses a numeric operator',
    request: read(),
    policies: identity(
      allow({ Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '60' } } }),
    ),
    result: 'unverifiable',
  },
  {
    name: 'a certain deny makes an unknown allow irrelevant',
    request: read(),
    policies: identity(
      allow({
        Condition: { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } },
      }),
      { ...allow(), Effect: 'Deny' },
    ),
    result: 'explicitDeny',
  },
  {
    name: 'a tag key is declared unknown',
    request: { ...read(), unknownKeys: ['aws:PrincipalTag/'] },
    policies: identity(
      allow({ Condition: { StringEquals: { 'aws:PrincipalTag/team': 'a' } } }),
    ),
    result: 'unverifiable',
  },
  {
    name: 'an identity policy document is missing',
    request: read(),
    policies: {
      ...identity(allow()),
      identity: [{ name: 'attached', document: undefined }],
    },
    result: 'unverifiable',
  },
  {
    name: 'the key policy delegates to IAM and IAM allows',
    request: decrypt(),
    policies: {
      ...identity(allow({ Action: 'kms:Decrypt' })),
      resource: { name: 'key', document: rootKeyPolicy },
    },
    result: 'allowed',
  },
  {
    name: 'the key policy is missing from the snapshot',
    request: decrypt(),
    policies: identity(allow({ Action: 'kms:Decrypt' })),
    result: 'unverifiable',
  },
  {
    name: 'the key policy limits the encryption context to other secrets',
    request: decrypt(),
    policies: {
      ...identity(),
      resource: {
        name: 'key',
        document: doc({
          Effect: 'Allow',
          Principal: { AWS: ROLE },
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: {
            StringLike: {
              'kms:EncryptionContext:SecretARN':
                'arn:aws:secretsmanager:*:*:secret:web/*',
            },
          },
        }),
      },
    },
    result: 'implicitDeny',
  },
  {
    name: 'the key policy grants the role for its secrets only',
    request: decrypt(),
    policies: {
      ...identity(),
      resource: {
        name: 'key',
        document: doc({
          Effect: 'Allow',
          Principal: { AWS: ROLE },
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: {
            StringLike: {
              'kms:EncryptionContext:SecretARN':
                'arn:aws:secretsmanager:*:*:secret:app/*',
            },
          },
        }),
      },
    },
    result: 'allowed',
  },
  {
    name: 'the encryption context version id is not known',
    request: { ...decrypt(), unknownKeys: ['kms:EncryptionContext:SecretVersionId'] },
    policies: {
      ...identity(),
      resource: {
        name: 'key',
        document: doc({
          Effect: 'Allow',
          Principal: '*',
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: { StringEquals: { 'kms:EncryptionContext:SecretVersionId': 'v1' } },
        }),
      },
    },
    result: 'unverifiable',
  },
  {
    name: 'a cross-account secret has no resource policy',
    request: { ...read(), resource: SECRET.replace(HOME, OTHER) },
    policies: { ...identity(allow()), resourceAccount: OTHER },
    result: 'implicitDeny',
  },
  {
    name: 'a boundary does not cover the action',
    request: read(),
    policies: {
      ...identity(allow()),
      boundary: {
        name: 'boundary',
        document: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
      },
    },
    result: 'implicitDeny',
  },
  {
    name: 'an endpoint policy admits another account only',
    request: read({ 'aws:SourceVpce': 'vpce-1' }),
    policies: {
      ...identity(allow()),
      endpoint: {
        name: 'vpce',
        document: doc({
          Effect: 'Allow',
          Principal: { AWS: OTHER },
          Action: '*',
          Resource: '*',
        }),
      },
    },
    result: 'implicitDeny',
  },
  {
    name: 'a URL-encoded document allows',
    request: read(),
    policies: {
      ...identity(),
      identity: [
        { name: 'raw', document: encodeURIComponent(JSON.stringify(doc(allow()))) },
      ],
    },
    result: 'allowed',
  },
];

describe('evaluate', () => {
  it.each(rows)('returns $result when $name', ({ request, policies, result }) => {
    expect(evaluate(request, policies).result).toBe(result);
  });

  it('names the deny statement and its layer when a resource policy denies', () => {
    const decision = evaluate(read(), {
      ...identity(allow()),
      resource: {
        name: 'secret policy',
        document: doc({
          Sid: 'Lock',
          Effect: 'Deny',
          Principal: '*',
          Action: '*',
          Resource: '*',
        }),
      },
    });

    expect(decision).toMatchObject({
      result: 'explicitDeny',
      blockedBy: 'resource',
      deciding: [{ policy: 'secret policy', layer: 'resource', sid: 'Lock', index: 0 }],
    });
  });
});
