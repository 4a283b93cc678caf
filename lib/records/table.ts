import {
  CreateTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';

/**
 * Creates the record table when it does not exist (the local emulator and
 * tests; the deployed table is declared in serverless.yml).
 */
export async function ensureTable(
  dynamodb: DynamoDBClient,
  tableName: string,
): Promise<void> {
  try {
    await dynamodb.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'secretArn', AttributeType: 'S' },
          { AttributeName: 'label', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'secretArn', KeyType: 'HASH' },
          { AttributeName: 'label', KeyType: 'RANGE' },
        ],
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists(
    { client: dynamodb, maxWaitTime: 60, minDelay: 1, maxDelay: 2 },
    { TableName: tableName },
  );
}
