import { arnOf, daysAgo, type FleetContext } from './context.js';

/** What the rest of the generator needs to know about one secret. */
export type SecretInfo = {
  arn: string;
  name: string;
  /** The customer managed key that encrypts it; null for the AWS managed key. */
  keyArn: string | null;
  currentVersion: string;
  previousVersion: string;
};

export type Secrets = {
  secrets: Record<string, unknown>[];
  infos: SecretInfo[];
  keys: Record<string, unknown>[];
  parameters: Record<string, unknown>[];
  parameterNames: string[];
  records: Record<string, unknown>[];
};

const KINDS = ['db', 'api-key', 'oauth', 'smtp', 'signing-key', 'cache'] as const;
const ENVS = ['prod', 'staging'] as const;

function keyEntry(context: FleetContext, index: number): Record<string, unknown> {
  const keyId = context.random.uuid();
  return {
    KeyMetadata: {
      AWSAccountId: context.account,
      KeyId: keyId,
      Arn: arnOf(context, 'kms', `key/${keyId}`),
      Enabled: true,
      KeyState: 'Enabled',
      KeyManager: 'CUSTOMER',
      KeyUsage: 'ENCRYPT_DECRYPT',
    },
    Aliases: [{ AliasName: `alias/secrets-${index}` }],
    Policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'EnableIamPolicies',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${context.account}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    }),
  };
}

/**
 * `count` secrets with AWSCURRENT and AWSPREVIOUS versions, most encrypted
 * with one of a few customer managed keys, a third rotating, one in a hundred
 * pending deletion; label records for half of them; plain SSM parameters.
 */
export function generateSecrets(context: FleetContext, count: number): Secrets {
  const { random } = context;
  const keys = Array.from({ length: Math.max(5, Math.ceil(count / 50)) }, (_, i) =>
    keyEntry(context, i),
  );
  const keyArns = keys.map((k) => (k.KeyMetadata as { Arn: string }).Arn);
  const secrets: Record<string, unknown>[] = [];
  const infos: SecretInfo[] = [];
  const records: Record<string, unknown>[] = [];

  for (let i = 0; i < count; i++) {
    const name = `${random.pick(ENVS)}/team${String(i % 40).padStart(2, '0')}/${random.pick(KINDS)}-${String(i).padStart(4, '0')}`;
    const arn = arnOf(context, 'secretsmanager', `secret:${name}-${random.alnum(6)}`);
    const keyArn = random.chance(0.7) ? random.pick(keyArns) : null;
    const currentVersion = random.uuid();
    const previousVersion = random.uuid();
    const currentAt = daysAgo(context, 0, 60);
    const previousAt = daysAgo(context, 61, 120);
    const rotating = random.chance(0.33);

    secrets.push({
      ARN: arn,
      Name: name,
      ...(keyArn === null ? {} : { KmsKeyId: keyArn }),
      RotationEnabled: rotating,
      ...(rotating
        ? {
            RotationLambdaARN: arnOf(context, 'lambda', 'function:rotate-secrets'),
            RotationRules: { AutomaticallyAfterDays: 30 },
            LastRotatedDate: currentAt,
          }
        : {}),
      LastChangedDate: currentAt,
      CreatedDate: daysAgo(context, 200, 700),
      ...(random.chance(0.01) ? { DeletedDate: daysAgo(context, 0, 5) } : {}),
      Tags: [{ Key: 'team', Value: `team${i % 40}` }],
      VersionIdsToStages: {
        [previousVersion]: ['AWSPREVIOUS'],
        [currentVersion]: ['AWSCURRENT'],
      },
      ResourcePolicy: null,
      Versions: [
        {
          VersionId: previousVersion,
          VersionStages: ['AWSPREVIOUS'],
          CreatedDate: previousAt,
        },
        {
          VersionId: currentVersion,
          VersionStages: ['AWSCURRENT'],
          CreatedDate: currentAt,
        },
      ],
    });
    infos.push({ arn, name, keyArn, currentVersion, previousVersion });
    if (random.chance(0.5)) {
      records.push({
        secretArn: arn,
        label: 'AWSCURRENT',
        versionId: currentVersion,
        movedAt: currentAt,
        source: 'event',
      });
    }
  }

  const parameterNames = Array.from({ length: 50 }, (_, i) => `/app/config/param-${i}`);
  const parameters = parameterNames.map((Name, i) => ({
    Name,
    ARN: arnOf(context, 'ssm', `parameter${Name}`),
    Type: i % 2 === 0 ? 'SecureString' : 'String',
    ...(i % 2 === 0 ? { KeyId: 'alias/aws/ssm' } : {}),
    LastModifiedDate: daysAgo(context, 1, 90),
    Version: 1 + (i % 4),
  }));
  return { secrets, infos, keys: keys, parameters, parameterNames, records };
}
