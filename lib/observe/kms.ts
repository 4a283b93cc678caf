import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  type KMSClient,
  paginateListAliases,
} from '@aws-sdk/client-kms';
import type { Log } from '../log.js';
import type { SnapshotInput } from '../snapshot/types.js';
import { isNotFound } from './access.js';
import { cliJson } from './cli-json.js';

type KeyEntry = NonNullable<SnapshotInput['kms']>['keys'][number];

/**
 * Each key's metadata; for customer-managed keys also the key policy and
 * aliases. AWS managed keys are recorded without a policy: their policy is
 * fixed by AWS and grants use through the owning service.
 */
export async function readKeys(
  kms: KMSClient,
  keyIds: Iterable<string>,
  log: Log,
): Promise<{ keys: KeyEntry[] }> {
  const keys = new Map<string, KeyEntry>();
  for (const keyId of new Set(keyIds)) {
    let metadata: KeyEntry['KeyMetadata'];
    try {
      const output = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
      metadata = cliJson(output.KeyMetadata) as KeyEntry['KeyMetadata'];
    } catch (error) {
      if (!isNotFound(error)) throw error;
      log.info('key not found', { keyId });
      continue;
    }
    if (keys.has(metadata.Arn)) continue;

    if (metadata.KeyManager === 'AWS') {
      keys.set(metadata.Arn, { KeyMetadata: metadata });
      continue;
    }
    const policy = await kms.send(
      new GetKeyPolicyCommand({ KeyId: metadata.KeyId, PolicyName: 'default' }),
    );
    const aliases: NonNullable<KeyEntry['Aliases']> = [];
    for await (const page of paginateListAliases(
      { client: kms },
      { KeyId: metadata.KeyId },
    )) {
      for (const alias of page.Aliases ?? []) {
        if (alias.AliasName === undefined) continue;
        aliases.push({
          AliasName: alias.AliasName,
          ...(alias.AliasArn ? { AliasArn: alias.AliasArn } : {}),
        });
      }
    }
    keys.set(metadata.Arn, {
      KeyMetadata: metadata,
      ...(policy.Policy === undefined ? {} : { Policy: policy.Policy }),
      Aliases: aliases,
    });
  }
  return { keys: [...keys.values()] };
}
