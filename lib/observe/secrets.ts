import {
  DescribeSecretCommand,
  GetResourcePolicyCommand,
  paginateListSecrets,
  paginateListSecretVersionIds,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import type { Log } from '../log.js';
import type { SnapshotInput } from '../snapshot/types.js';
import { isAccessDenied, isNotFound } from './access.js';
import { cliJson } from './cli-json.js';

type SecretJson = SnapshotInput['secrets'][number];

/**
 * Every secret of the account and region as ListSecrets prints it, those
 * scheduled for deletion included. Never reads a secret value.
 */
export async function listSecrets(
  secretsManager: SecretsManagerClient,
  log: Log,
): Promise<SecretJson[]> {
  const secrets: SecretJson[] = [];
  try {
    for await (const page of paginateListSecrets(
      { client: secretsManager },
      { IncludePlannedDeletion: true },
    )) {
      for (const entry of page.SecretList ?? []) {
        secrets.push(cliJson(entry) as SecretJson);
      }
    }
  } catch (error) {
    if (!isAccessDenied(error)) throw error;
    log.warn('secret list left out: access denied', { error: (error as Error).name });
  }
  return secrets;
}

/**
 * One secret in full: DescribeSecret, plus `ResourcePolicy` (null when it
 * has none) and `Versions` (deprecated ones included). Null when the secret
 * does not exist or cannot be described; a denied policy or version read
 * leaves that member out, so checks that need it report Unverifiable.
 */
export async function describeSecretInFull(
  secretsManager: SecretsManagerClient,
  secretId: string,
  log: Log,
): Promise<SecretJson | null> {
  let described: SecretJson;
  try {
    const output = await secretsManager.send(
      new DescribeSecretCommand({ SecretId: secretId }),
    );
    described = cliJson(output) as SecretJson;
  } catch (error) {
    if (isNotFound(error)) {
      log.info('secret not found', { secretId });
      return null;
    }
    if (isAccessDenied(error)) {
      log.warn('secret description left out: access denied', { secretId });
      return null;
    }
    throw error;
  }

  const arn = described.ARN;
  const policy = await optional(log, arn, 'GetResourcePolicy', async () => {
    const output = await secretsManager.send(
      new GetResourcePolicyCommand({ SecretId: arn }),
    );
    return output.ResourcePolicy ?? null;
  });
  const versions = await optional(log, arn, 'ListSecretVersionIds', async () => {
    const out: NonNullable<SecretJson['Versions']> = [];
    for await (const page of paginateListSecretVersionIds(
      { client: secretsManager },
      { SecretId: arn, IncludeDeprecated: true },
    )) {
      out.push(...(page.Versions ?? []).map((v) => cliJson(v) as (typeof out)[number]));
    }
    return out;
  });

  return {
    ...described,
    ...(policy === undefined ? {} : { ResourcePolicy: policy }),
    ...(versions === undefined ? {} : { Versions: versions }),
  };
}

async function optional<T>(
  log: Log,
  secretArn: string,
  call: string,
  read: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (!isAccessDenied(error)) throw error;
    log.warn('secret detail left out: access denied', { secretArn, call });
    return undefined;
  }
}
