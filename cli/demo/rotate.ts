import { randomUUID } from 'node:crypto';
import {
  PutSecretValueCommand,
  type SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { currentVersionId, randomSecretValue } from './seed-secrets.js';

/**
 * Plays a rotation as a rotation function would: a new AWSPENDING version,
 * AWSCURRENT moved onto it, AWSPENDING removed. Returns the new version id.
 * The new value is generated here and never leaves the request.
 */
export async function rotateSecret(
  clients: { secretsManager: SecretsManagerClient },
  secretId: string,
): Promise<string> {
  const { secretsManager } = clients;
  const previous = await currentVersionId(secretsManager, secretId);

  const versionId = randomUUID();
  await secretsManager.send(
    new PutSecretValueCommand({
      SecretId: secretId,
      ClientRequestToken: versionId,
      SecretString: randomSecretValue(),
      VersionStages: ['AWSPENDING'],
    }),
  );

  await secretsManager.send(
    new UpdateSecretVersionStageCommand({
      SecretId: secretId,
      VersionStage: 'AWSCURRENT',
      MoveToVersionId: versionId,
      RemoveFromVersionId: previous,
    }),
  );

  await secretsManager.send(
    new UpdateSecretVersionStageCommand({
      SecretId: secretId,
      VersionStage: 'AWSPENDING',
      RemoveFromVersionId: versionId,
    }),
  );
  return versionId;
}
