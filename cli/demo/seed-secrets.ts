import { randomBytes } from 'node:crypto';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';

/** A secret the seeder created, with the version AWSCURRENT points at. */
export type SeededSecret = {
  name: string;
  arn: string;
  /** The version holding AWSCURRENT right after seeding. */
  currentVersionId: string;
};

export type SeededSecrets = {
  /** The secret that rotates: injected by most of the fleet. */
  database: SeededSecret;
  /** A JSON secret encrypted with the customer-managed key. */
  apiKeys: SeededSecret;
  /** A secret only the unrelated service (and a log driver) reads. */
  reporting: SeededSecret;
  kmsKeyArn: string;
  kmsAlias: string;
};

/** A value made here and handed straight to the API; it is never logged or returned. */
export function randomSecretValue(): string {
  return randomBytes(24).toString('base64url');
}

/** Creates the customer-managed key and the three secrets of the demo fleet. */
export async function seedSecrets(
  clients: { secretsManager: SecretsManagerClient; kms: KMSClient },
  options: { prefix: string },
): Promise<SeededSecrets> {
  const key = await clients.kms.send(
    new CreateKeyCommand({ Description: `${options.prefix} secrets` }),
  );
  const kmsKeyArn = key.KeyMetadata!.Arn!;
  const kmsAlias = `alias/${options.prefix}-secrets`;
  await clients.kms.send(
    new CreateAliasCommand({ AliasName: kmsAlias, TargetKeyId: key.KeyMetadata!.KeyId! }),
  );

  const secret = async (
    name: string,
    value: string,
    kmsKeyId?: string,
  ): Promise<SeededSecret> => {
    const created = await clients.secretsManager.send(
      new CreateSecretCommand({
        Name: name,
        SecretString: value,
        ...(kmsKeyId ? { KmsKeyId: kmsKeyId } : {}),
        Tags: [{ Key: 'app', Value: options.prefix }],
      }),
    );
    return { name, arn: created.ARN!, currentVersionId: created.VersionId! };
  };

  const apiKeys = JSON.stringify({
    apiKey: randomSecretValue(),
    webhookSecret: randomSecretValue(),
  });
  return {
    database: await secret(`${options.prefix}/db-password`, randomSecretValue()),
    apiKeys: await secret(`${options.prefix}/api-keys`, apiKeys, kmsKeyArn),
    reporting: await secret(`${options.prefix}/reporting-token`, randomSecretValue()),
    kmsKeyArn,
    kmsAlias,
  };
}

/** The version that holds AWSCURRENT now. */
export async function currentVersionId(
  secretsManager: SecretsManagerClient,
  secretId: string,
): Promise<string> {
  const described = await secretsManager.send(
    new DescribeSecretCommand({ SecretId: secretId }),
  );
  const current = Object.entries(described.VersionIdsToStages ?? {}).find(([, stages]) =>
    stages.includes('AWSCURRENT'),
  );
  if (current === undefined) {
    throw new Error(`secret ${secretId} has no AWSCURRENT version`);
  }
  return current[0];
}
