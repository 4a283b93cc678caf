import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, SIGNAL_KIND, signalKey } from './item.js';
import { documentClient } from './store.js';
import type { SignalLedger } from './types.js';

/**
 * A SignalLedger in the record table: one item per (secret, service) holding
 * the version last signalled. A conditional put claims a version once.
 */
export function createSignalLedger(
  dynamodb: DynamoDBClient,
  tableName: string,
  now: () => Date = () => new Date(),
): SignalLedger {
  const client = documentClient(dynamodb);

  return {
    async claim(serviceArn, secretArn, versionId) {
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              secretArn,
              label: signalKey(serviceArn),
              kind: SIGNAL_KIND,
              serviceArn,
              versionId,
              signalledAt: now().toISOString(),
            },
            ConditionExpression: 'attribute_not_exists(secretArn) OR versionId <> :v',
            ExpressionAttributeValues: { ':v': versionId },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async release(serviceArn, secretArn, versionId) {
      try {
        await client.send(
          new DeleteCommand({
            TableName: tableName,
            Key: { secretArn, label: signalKey(serviceArn) },
            ConditionExpression: 'versionId = :v',
            ExpressionAttributeValues: { ':v': versionId },
          }),
        );
      } catch (error) {
        // Someone claimed a newer version meanwhile: that claim is theirs to keep.
        if (!isConditionFailure(error)) throw error;
      }
    },
  };
}
