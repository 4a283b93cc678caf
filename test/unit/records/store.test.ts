import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRecordStore, RecordStoreError } from '../../../lib/records/index.js';

const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf';
const ddb = mockClient(DynamoDBDocumentClient);

describe('store', () => {
  beforeEach(() => ddb.reset());

  it('drops signal claims and malformed items when loading', async () => {
    ddb.on(QueryCommand).resolves({
      Items: [
        {
          secretArn: SECRET,
          label: 'AWSCURRENT',
          versionId: 'v1',
          movedAt: '2024-05-01T12:00:00Z',
          source: 'event',
          kind: 'label',
        },
        { secretArn: SECRET, label: 'signal#svc', kind: 'signal', versionId: 'v1' },
        { secretArn: SECRET, label: 'BROKEN', versionId: 'v1', source: 'guess' },
      ],
    });
    const store = createRecordStore(new DynamoDBClient({ region: 'us-east-1' }), 't');

    const records = await store.load([SECRET]);

    expect(records).toEqual([
      {
        secretArn: SECRET,
        label: 'AWSCURRENT',
        versionId: 'v1',
        movedAt: '2024-05-01T12:00:00.000Z',
        source: 'event',
      },
    ]);
  });

  it('wraps a failed write in RecordStoreError keeping the SDK error as cause', async () => {
    const denied = Object.assign(new Error('denied'), { name: 'AccessDeniedException' });
    ddb.on(PutCommand).rejects(denied);
    const store = createRecordStore(new DynamoDBClient({ region: 'us-east-1' }), 't');

    const saving = store.save([
      {
        secretArn: SECRET,
        label: 'AWSCURRENT',
        versionId: 'v1',
        movedAt: '2024-05-01T12:00:00.000Z',
        source: 'resync',
      },
    ]);

    await expect(saving).rejects.toBeInstanceOf(RecordStoreError);
    await expect(saving).rejects.toHaveProperty('cause', denied);
  });
});
