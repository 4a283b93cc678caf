import type { KmsKeyEntry, Secret, Snapshot } from '../../snapshot/types.js';

/** The alias of the key Secrets Manager uses when a secret names none. */
export const DEFAULT_SECRETS_KEY_ALIAS = 'alias/aws/secretsmanager';

/** Which KMS key protects a secret, as far as the snapshot tells. */
export type SecretKey =
  | { kind: 'awsManaged'; keyId: string }
  | { kind: 'customer'; entry: KmsKeyEntry }
  /** A customer key the snapshot does not hold (kms section absent or key not listed). */
  | { kind: 'unknown'; keyId: string };

function isDefaultAlias(keyId: string): boolean {
  return (
    keyId === DEFAULT_SECRETS_KEY_ALIAS || keyId.endsWith(`:${DEFAULT_SECRETS_KEY_ALIAS}`)
  );
}

function matches(entry: KmsKeyEntry, keyId: string): boolean {
  const meta = entry.KeyMetadata;
  if (meta.Arn === keyId || meta.KeyId === keyId) {
    return true;
  }
  return (entry.Aliases ?? []).some(
    (alias) => alias.AliasName === keyId || alias.AliasArn === keyId,
  );
}

/** Finds the key of a secret: no KmsKeyId means the AWS managed key. */
export function secretKey(snapshot: Snapshot, secret: Secret): SecretKey {
  const keyId = secret.KmsKeyId;
  if (keyId === undefined || keyId === '' || isDefaultAlias(keyId)) {
    return { kind: 'awsManaged', keyId: keyId ?? DEFAULT_SECRETS_KEY_ALIAS };
  }
  const entry = snapshot.kms?.keys.find((candidate) => matches(candidate, keyId));
  if (!entry) {
    return { kind: 'unknown', keyId };
  }
  if (entry.KeyMetadata.KeyManager === 'AWS') {
    return { kind: 'awsManaged', keyId };
  }
  return { kind: 'customer', entry };
}
