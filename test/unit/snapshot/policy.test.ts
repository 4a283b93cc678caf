import { describe, expect, it } from 'vitest';
import { policyDocument } from '../../../lib/snapshot/policy.js';
import { loadSnapshotFixture } from '../../support/snapshots.js';

const DOCUMENT = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: 'secretsmanager:GetSecretValue',
      Resource: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:a+b/c-*',
      Condition: { StringEquals: { 'aws:PrincipalTag/team': 'data platform' } },
    },
  ],
};
const JSON_TEXT = JSON.stringify(DOCUMENT, null, 2);

describe('policy', () => {
  it.each<[string, unknown, Record<string, unknown> | null]>([
    ['an object', DOCUMENT, DOCUMENT],
    ['a JSON string', JSON_TEXT, DOCUMENT],
    ['a JSON string with surrounding whitespace', `\n  ${JSON_TEXT}\n`, DOCUMENT],
    ['a URL-encoded JSON string (RFC 3986)', encodeURIComponent(JSON_TEXT), DOCUMENT],
    [
      'a form-encoded JSON string (+ for space)',
      encodeURIComponent(JSON_TEXT).replaceAll('%20', '+'),
      DOCUMENT,
    ],
    ['a JSON string serialised twice', JSON.stringify(JSON_TEXT), DOCUMENT],
    ['an empty string', '', null],
    ['a string that is not JSON', 'Allow everything', null],
    ['a JSON array', '[{"Effect":"Allow"}]', null],
    ['an array', [DOCUMENT], null],
    ['a JSON number', '42', null],
    ['null', null, null],
    ['undefined', undefined, null],
    ['a malformed escape', '%7B%E0%A4%A', null],
  ])('decodes %s', (_case, raw, expected) => {
    expect(policyDocument(raw)).toEqual(expected);
  });

  it('keeps a literal plus sign when the document is URL-encoded per RFC 3986', () => {
    const decoded = policyDocument(encodeURIComponent(JSON_TEXT));

    expect(JSON.stringify(decoded)).toContain('secret:a+b/c-*');
  });

  it('decodes every policy document of the CLI-shapes fixture', () => {
    const snapshot = loadSnapshotFixture('cli-shapes');
    const [role] = snapshot.iam?.roles ?? [];
    const documents = [
      role?.Role.AssumeRolePolicyDocument,
      ...(role?.RolePolicies ?? []).map((policy) => policy.PolicyDocument),
      ...(role?.AttachedPolicies ?? []).map((policy) => policy.Document),
      snapshot.kms?.keys[0]?.Policy,
      snapshot.secrets[0]?.ResourcePolicy,
    ];

    const decoded = documents.map(policyDocument);

    expect(decoded).toHaveLength(5);
    expect(decoded.filter((document) => !Array.isArray(document?.Statement))).toEqual([]);
    expect(decoded[1]).toMatchObject({
      Statement: [{ Sid: 'ReadReportsSecrets' }, { Sid: 'DecryptViaSecretsManager' }],
    });
  });
});
