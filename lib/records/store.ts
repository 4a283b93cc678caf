import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
  paginateScan,
} from '@aws-sdk/lib-dynamodb';
import type { Log } from '../log.js';
import { silentLog } from '../log.js';
import { LabelRecordSchema } from '../snapshot/schema.js';
import type { LabelRecord } from '../snapshot/types.js';
import { RecordStoreError } from './errors.js';
import { isConditionFailure, RECORD_KIND } from './item.js';
import type { RecordStore } from './types.js';

/** Secrets queried at once when loading by secret. */
const QUERY_CONCURRENCY = 8;

type Item = Record<string, unknown>;

/** The document client the record and signal stores share. */
export function documentClient(dynamodb: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(dynamodb, {
    marshallOptions: { removeUndefinedValues: true },
  });
}

function toRecord(item: Item, log: Log): LabelRecord | null {
  if (item.kind !== undefined && item.kind !== RECORD_KIND) return null;
  const { kind: _kind, ...fields } = item;
  const parsed = LabelRecordSchema.safeParse(fields);
  if (parsed.success) return parsed.data;
  log.warn('Label record ignored', {
    secretArn: item.secretArn,
    label: item.label,
    problem: parsed.error.issues[0]?.message,
  });
  return null;
}

function toItem(record: LabelRecord): Item {
  return { ...record, kind: RECORD_KIND };
}

/**
 * A RecordStore on a DynamoDB table keyed by `secretArn` (partition) and
 * `label` (sort). Writes are conditional, so concurrent invocations that see
 * the same move agree on one movedAt.
 */
export function createRecordStore(
  dynamodb: DynamoDBClient,
  tableName: string,
  log: Log = silentLog,
): RecordStore {
  const client = documentClient(dynamodb);

  async function querySecret(secretArn: string): Promise<Item[]> {
    const items: Item[] = [];
    const pages = paginateQuery(
      { client },
      {
        TableName: tableName,
        KeyConditionExpression: 'secretArn = :s',
        ExpressionAttributeValues: { ':s': secretArn },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) items.push(...(page.Items ?? []));
    return items;
  }

  async function scanAll(): Promise<Item[]> {
    const items: Item[] = [];
    const pages = paginateScan(
      { client },
      { TableName: tableName, ConsistentRead: true },
    );
    for await (const page of pages) items.push(...(page.Items ?? []));
    return items;
  }

  async function loadItems(secretArns?: readonly string[]): Promise<Item[]> {
    if (secretArns === undefined) return scanAll();
    const unique = [...new Set(secretArns)];
    const items: Item[] = [];
    for (let start = 0; start < unique.length; start += QUERY_CONCURRENCY) {
      const batch = unique.slice(start, start + QUERY_CONCURRENCY);
      const pages = await Promise.all(batch.map(querySecret));
      items.push(...pages.flat());
    }
    return items;
  }

  async function saveOne(record: LabelRecord): Promise<LabelRecord> {
    try {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: toItem(record),
          // The first writer of a version wins; a different version replaces it.
          ConditionExpression: 'attribute_not_exists(secretArn) OR versionId <> :v',
          ExpressionAttributeValues: { ':v': record.versionId },
        }),
      );
      return record;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }

    const stored = await client.send(
      new GetCommand({
        TableName: tableName,
        Key: { secretArn: record.secretArn, label: record.label },
        ConsistentRead: true,
      }),
    );
    return (stored.Item === undefined ? null : toRecord(stored.Item, log)) ?? record;
  }

  return {
    async load(secretArns) {
      try {
        const items = await loadItems(secretArns);
        return items.flatMap((item) => toRecord(item, log) ?? []);
      } catch (cause) {
        throw new RecordStoreError(`cannot read label records from ${tableName}`, {
          cause,
        });
      }
    },

    async save(records) {
      try {
        return await Promise.all(records.map(saveOne));
      } catch (cause) {
        throw new RecordStoreError(`cannot write label records to ${tableName}`, {
          cause,
        });
      }
    },
  };
}
