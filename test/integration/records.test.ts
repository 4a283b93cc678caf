import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createRecordStore,
  createSignalLedger,
  ensureTable,
} from '../../lib/records/index.js';
import type { LabelRecord } from '../../lib/snapshot/types.js';
import { emulatorClientConfig, resetEmulator } from '../support/aws.js';

const TABLE = 'records-test';
const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf';
const OTHER = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:api-GhIjKl';
const SERVICE = 'arn:aws:ecs:us-east-1:123456789012:service/prod/web';

function record(overrides: Partial<LabelRecord> = {}): LabelRecord {
  return {
    secretArn: SECRET,
    label: 'AWSCURRENT',
    versionId: 'v2',
    movedAt: '2024-05-01T12:00:00.000Z',
    source: 'resync',
    ...overrides,
  };
}

describe('records', () => {
  let dynamodb: DynamoDBClient;

  beforeAll(async () => {
    await resetEmulator();
    dynamodb = new DynamoDBClient(emulatorClientConfig());
    await ensureTable(dynamodb, TABLE);
    await ensureTable(dynamodb, TABLE);
  });

  it('agrees on one movedAt when concurrent saves record the same version', async () => {
    const store = createRecordStore(dynamodb, TABLE);
    const times = ['10', '11', '12', '13', '14'].map(
      (second) => `2024-05-01T12:00:${second}.000Z`,
    );

    const results = await Promise.all(
      times.map((movedAt) => store.save([record({ movedAt })])),
    );

    const agreed = new Set(results.map(([stored]) => stored?.movedAt));
    const [loaded] = await store.load([SECRET]);
    expect(agreed.size).toBe(1);
    expect(loaded?.movedAt).toBe([...agreed][0]);
  });

  it('keeps the first movedAt when a later save repeats the version', async () => {
    const store = createRecordStore(dynamodb, TABLE);
    const first = record({ label: 'STAGE', movedAt: '2024-05-02T00:00:00.000Z' });
    await store.save([first]);

    const [again] = await store.save([
      { ...first, movedAt: '2024-05-03T00:00:00.000Z', source: 'event' },
    ]);

    expect(again).toEqual(first);
  });

  it('replaces the record when the label moved to another version', async () => {
    const store = createRecordStore(dynamodb, TABLE);
    await store.save([record({ label: 'MOVING', versionId: 'v1' })]);
    const moved = record({
      label: 'MOVING',
      versionId: 'v3',
      movedAt: '2024-06-01T00:00:00.000Z',
    });

    const [stored] = await store.save([moved]);
    const loaded = await store.load([SECRET]);

    expect(stored).toEqual(moved);
    expect(loaded.filter((r) => r.label === 'MOVING')).toEqual([moved]);
  });

  it('loads only the secrets asked for, or all when none are named', async () => {
    const store = createRecordStore(dynamodb, TABLE);
    await store.save([record({ secretArn: OTHER })]);

    const some = await store.load([OTHER]);
    const all = await store.load();

    expect(some.map((r) => r.secretArn)).toEqual([OTHER]);
    expect(new Set(all.map((r) => r.secretArn))).toEqual(new Set([SECRET, OTHER]));
  });

  it('claims a signal once per version when claims race', async () => {
    const ledger = createSignalLedger(dynamodb, TABLE);

    const claims = await Promise.all(
      [1, 2, 3].map(() => ledger.claim(SERVICE, SECRET, 'v7')),
    );
    const next = await ledger.claim(SERVICE, SECRET, 'v8');
    const records = await createRecordStore(dynamodb, TABLE).load([SECRET]);

    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(next).toBe(true);
    expect(records.some((r) => r.label.includes(SERVICE))).toBe(false);
  });

  it('lets a released claim be claimed again', async () => {
    const ledger = createSignalLedger(dynamodb, TABLE);
    await ledger.claim(SERVICE, OTHER, 'v1');

    await ledger.release(SERVICE, OTHER, 'v1');

    expect(await ledger.claim(SERVICE, OTHER, 'v1')).toBe(true);
  });
});
