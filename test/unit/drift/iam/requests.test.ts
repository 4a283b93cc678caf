import { describe, expect, it } from 'vitest';
import {
  decryptRequest,
  readParameterRequest,
  readSecretRequest,
} from '../../../../lib/drift/iam/requests.js';
import type { ResolvedReference } from '../../../../lib/refs/types.js';
import type { KmsKeyEntry, Secret } from '../../../../lib/snapshot/types.js';
import { buildSnapshot } from '../../../support/snapshots.js';

const ROLE = 'arn:aws:iam::111122223333:role/ecs-exec';
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:app/db-AbCdEf';
const caller = {
  principalArn: ROLE,
  account: '111122223333',
  tags: { team: 'payments' },
};
const secret: Secret = {
  ARN: SECRET_ARN,
  Name: 'app/db',
  Tags: [{ Key: 'env', Value: 'prod' }],
  VersionIdsToStages: { v1: ['AWSCURRENT'], v0: ['AWSPREVIOUS'] },
};
const key: KmsKeyEntry = {
  KeyMetadata: { KeyId: 'k1', Arn: 'arn:aws:kms:us-east-1:111122223333:key/k1' },
};

const ref = (
  valueFrom: string,
  extra: Partial<ResolvedReference> = {},
): ResolvedReference => ({
  secretArn: SECRET_ARN,
  serviceArn: null,
  taskDefinitionArn: null,
  container: 'app',
  kind: 'environment',
  name: 'DB',
  jsonKey: null,
  versionStage: null,
  versionId: null,
  valueFrom,
  secret,
  store: 'secretsmanager',
  ...extra,
});

describe('requests', () => {
  it('sends no VersionStage when the reference names none', () => {
    const planned = readSecretRequest(
      caller,
      secret,
      ref(`${SECRET_ARN}:password::`),
      null,
    );

    expect(planned.request.context).toEqual({
      'aws:PrincipalArn': ROLE,
      'aws:PrincipalAccount': '111122223333',
      'aws:PrincipalTag/team': 'payments',
      'secretsmanager:SecretId': SECRET_ARN,
      'aws:ResourceTag/env': 'prod',
      'secretsmanager:ResourceTag/env': 'prod',
    });
  });

  it.each([
    [
      'a stage',
      { versionStage: 'AWSPREVIOUS' },
      'secretsmanager:VersionStage',
      'AWSPREVIOUS',
    ],
    ['a version id', { versionId: 'v0' }, 'secretsmanager:VersionId', 'v0'],
  ])('sends the version key when the reference names %s', (_label, extra, key, value) => {
    const planned = readSecretRequest(caller, secret, ref(SECRET_ARN, extra), null);

    expect(planned.request.context[key]).toBe(value);
  });

  it('adds the source endpoint and VPC when the call goes through an endpoint', () => {
    const planned = readSecretRequest(caller, secret, ref(SECRET_ARN), {
      vpceId: 'vpce-1',
      vpcId: 'vpc-1',
    });

    expect(planned.request.context).toMatchObject({
      'aws:SourceVpce': 'vpce-1',
      'aws:SourceVpc': 'vpc-1',
    });
  });

  it('marks version and secret id unknown when a runtime app makes the call', () => {
    const planned = readSecretRequest(
      caller,
      secret,
      ref('app/db', { kind: 'runtime' }),
      null,
    );

    expect(planned.request.unknownKeys).toEqual(
      expect.arrayContaining(['secretsmanager:VersionStage', 'secretsmanager:SecretId']),
    );
  });

  it('decrypts through Secrets Manager with the secret ARN and version as context when reading a stage', () => {
    const planned = decryptRequest(
      caller,
      secret,
      ref(SECRET_ARN, { versionStage: 'AWSPREVIOUS' }),
      key,
    );

    expect(planned.request).toMatchObject({
      action: 'kms:Decrypt',
      resource: 'arn:aws:kms:us-east-1:111122223333:key/k1',
      context: {
        'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com',
        'kms:CallerAccount': '111122223333',
        'kms:EncryptionContext:SecretARN': SECRET_ARN,
        'kms:EncryptionContext:SecretVersionId': 'v0',
      },
    });
  });

  it.each([
    ['/app/flag', 'arn:aws:ssm:us-east-1:111122223333:parameter/app/flag'],
    ['flag', 'arn:aws:ssm:us-east-1:111122223333:parameter/flag'],
    [
      'arn:aws:ssm:us-east-1:111122223333:parameter/app/flag',
      'arn:aws:ssm:us-east-1:111122223333:parameter/app/flag',
    ],
  ])(
    'asks ssm:GetParameters on the parameter ARN when the reference is %s',
    (valueFrom, arn) => {
      const planned = readParameterRequest(
        caller,
        buildSnapshot(),
        ref(valueFrom, { store: 'ssm', secret: null, secretArn: null }),
        null,
      );

      expect(planned?.request).toMatchObject({
        action: 'ssm:GetParameters',
        resource: arn,
      });
    },
  );
});
