import { describe, expect, it } from 'vitest';
import {
  followedLabel,
  labelMovedAt,
  labelMoves,
  moveContext,
} from '../../../lib/decide/staleness.js';
import type { Trigger } from '../../../lib/events/types.js';
import type { SnapshotInput } from '../../../lib/snapshot/types.js';
import {
  NOW,
  resync,
  secretArn,
  secretChanged,
  secretInput,
  snapshotOf,
} from './build.js';

const ARN = secretArn('db-password');
const EVENT_AT = '2024-05-20T08:00:00.000Z';
const NOW_ISO = NOW.toISOString();

const withVersions = secretInput('db-password', [
  ['v1', ['AWSPREVIOUS'], '2024-01-01T00:00:00.000Z'],
  ['v2', ['AWSCURRENT'], '2024-03-01T00:00:00.000Z'],
  ['v3', ['AWSPENDING'], '2024-05-30T00:00:00.000Z'],
  ['v4', ['blue'], '2024-02-01T00:00:00.000Z'],
]);
const withoutCreated = secretInput('db-password', [['v2', ['AWSCURRENT']]], {
  LastChangedDate: '2024-04-01T00:00:00Z',
});
const createdAfterChange = secretInput(
  'db-password',
  [['v2', ['AWSCURRENT'], '2024-06-01T00:00:00.000Z']],
  { LastChangedDate: '2024-03-01T00:00:00Z' },
);
const withoutDates = secretInput('db-password', [['v2', ['AWSCURRENT']]]);
const withoutVersions = secretInput('db-password', [], {
  Versions: undefined,
  LastChangedDate: '2024-04-15T00:00:00Z',
});

type Records = NonNullable<SnapshotInput['records']>;
const record = (label: string, versionId: string, movedAt: string, source = 'event') =>
  ({ secretArn: ARN, label, versionId, movedAt, source }) as Records[number];

type Row = {
  when: string;
  secret: SnapshotInput['secrets'][number];
  trigger: Trigger;
  records: Records;
  label: string;
  expected: { movedAt: string; source: string; fresh: boolean } | null;
};

const rows: Row[] = [
  {
    when: 'the event moved the followed label',
    secret: withVersions,
    trigger: secretChanged('db-password', EVENT_AT),
    records: [],
    label: 'AWSCURRENT',
    expected: { movedAt: EVENT_AT, source: 'event', fresh: true },
  },
  {
    when: 'the event names the version that holds the label',
    secret: withVersions,
    trigger: secretChanged(ARN, EVENT_AT, { label: 'AWSCURRENT', versionId: 'v2' }),
    records: [record('AWSCURRENT', 'v1', '2024-01-01T00:00:00.000Z')],
    label: 'AWSCURRENT',
    expected: { movedAt: EVENT_AT, source: 'event', fresh: true },
  },
  {
    when: 'the event is already recorded',
    secret: withVersions,
    trigger: secretChanged('db-password', EVENT_AT),
    records: [record('AWSCURRENT', 'v2', EVENT_AT)],
    label: 'AWSCURRENT',
    expected: { movedAt: EVENT_AT, source: 'event', fresh: false },
  },
  {
    when: 'the event names another version (the label moved again since)',
    secret: withVersions,
    trigger: secretChanged('db-password', EVENT_AT, { versionId: 'v9' }),
    records: [],
    label: 'AWSCURRENT',
    expected: { movedAt: NOW_ISO, source: 'resync', fresh: true },
  },
  {
    when: 'the event moved another label of the same secret',
    secret: withVersions,
    trigger: secretChanged('db-password', EVENT_AT, { label: 'blue' }),
    records: [],
    label: 'AWSCURRENT',
    expected: { movedAt: NOW_ISO, source: 'resync', fresh: true },
  },
  {
    when: 'the event reports on the secret without moving a label',
    secret: withVersions,
    trigger: secretChanged('db-password', EVENT_AT, { movesLabel: false }),
    records: [],
    label: 'AWSCURRENT',
    expected: { movedAt: '2024-03-01T00:00:00.000Z', source: 'creation', fresh: true },
  },
  {
    when: 'the event concerns another secret',
    secret: withVersions,
    trigger: secretChanged('api-key', EVENT_AT),
    records: [],
    label: 'AWSCURRENT',
    expected: { movedAt: '2024-03-01T00:00:00.000Z', source: 'creation', fresh: true },
  },
  {
    when: 'a record holds the same version under the label',
    secret: withVersions,
    trigger: resync(),
    records: [
      record('AWSCURRENT', 'v2', '2024-03-02T00:00:00.000Z', 'resync'),
      record('AWSCURRENT', 'v2', '2024-03-01T10:00:00.000Z', 'event'),
    ],
    label: 'AWSCURRENT',
    expected: { movedAt: '2024-03-01T10:00:00.000Z', source: 'event', fresh: false },
  },
  {
    when: 'the record of the label names another version',
    secret: withVersions,
    trigger: resync(),
    records: [record('AWSCURRENT', 'v1', '2024-01-01T00:00:00.000Z')],
    label: 'AWSCURRENT',
    expected: { movedAt: NOW_ISO, source: 'resync', fresh: true },
  },
  {
    when: 'records of the secret exist for other labels only',
    secret: withVersions,
    trigger: resync(),
    records: [record('AWSCURRENT', 'v2', '2024-03-01T00:00:00.000Z')],
    label: 'blue',
    expected: { movedAt: NOW_ISO, source: 'resync', fresh: true },
  },
  {
    when: 'there is no record of the secret at all',
    secret: withVersions,
    trigger: resync(),
    records: [],
    label: 'AWSCURRENT',
    expected: { movedAt: '2024-03-01T00:00:00.000Z', source: 'creation', fresh: true },
  },
  {
    when: "the version's CreatedDate is later than the secret's LastChangedDate",
    secret: createdAfterChange,
    trigger: resync(),
    records: [],
    label: 'AWSCURRENT',
    expected: { movedAt: '2024-03-01T00:00:00.000Z', source: 'creation', fresh: true },
  },
  {
    when: 'the version has no CreatedDate but the secret has LastChangedDate',
    secret: withoutCreated,
    trigger: resync(),
    records: [],
    label: 'AWSCURRENT',
    expected: { movedAt: '2024-04-01T00:00:00.000Z', source: 'resync', fresh: true },
  },
  {
    when: 'the snapshot holds no date for the version or the secret',
    secret: withoutDates,
    trigger: resync(),
    records: [],
    label: 'AWSCURRENT',
    expected: { movedAt: NOW_ISO, source: 'resync', fresh: true },
  },
  {
    when: 'the snapshot holds no version data (nothing to store)',
    secret: withoutVersions,
    trigger: resync(),
    records: [],
    label: 'AWSCURRENT',
    expected: { movedAt: '2024-04-15T00:00:00.000Z', source: 'resync', fresh: false },
  },
  {
    when: 'no version holds the followed label',
    secret: withVersions,
    trigger: secretChanged('db-password', EVENT_AT, { label: 'green' }),
    records: [],
    label: 'green',
    expected: null,
  },
];

describe('staleness', () => {
  it.each(rows)('labelMovedAt gives the move time when $when', (row) => {
    const snapshot = snapshotOf({ secrets: [row.secret], records: row.records });
    const [secret] = snapshot.secrets;
    const context = moveContext(snapshot, row.trigger, NOW);

    const move = labelMovedAt(context, secret!, row.label);

    if (row.expected === null) {
      expect(move).toBeNull();
      return;
    }
    expect(move).toMatchObject({ secretArn: ARN, label: row.label, ...row.expected });
  });

  it.each([
    { stage: null, id: null, label: 'AWSCURRENT' },
    { stage: 'blue', id: null, label: 'blue' },
    { stage: null, id: 'v2', label: null },
    { stage: 'AWSCURRENT', id: 'v2', label: null },
  ])(
    'followedLabel is $label when stage is $stage and id is $id',
    ({ stage, id, label }) => {
      expect(followedLabel({ versionStage: stage, versionId: id })).toBe(label);
    },
  );

  it('labelMoves records every live label on first sight, none for AWSPENDING', () => {
    const snapshot = snapshotOf({ secrets: [withVersions] });

    expect(labelMoves(snapshot, resync(), NOW)).toEqual([
      record('AWSCURRENT', 'v2', '2024-03-01T00:00:00.000Z', 'creation'),
      record('AWSPREVIOUS', 'v1', '2024-01-01T00:00:00.000Z', 'creation'),
      record('blue', 'v4', '2024-02-01T00:00:00.000Z', 'creation'),
    ]);
  });

  it('labelMoves stores the event time and the resync time when a rotation is reported', () => {
    const snapshot = snapshotOf({
      secrets: [withVersions],
      records: [
        record('AWSCURRENT', 'v1', '2024-01-01T00:00:00.000Z'),
        record('blue', 'v4', '2024-02-01T00:00:00.000Z'),
      ],
    });

    const records = labelMoves(snapshot, secretChanged('db-password', EVENT_AT), NOW);

    expect(records).toEqual([
      record('AWSCURRENT', 'v2', EVENT_AT, 'event'),
      record('AWSPREVIOUS', 'v1', NOW_ISO, 'resync'),
    ]);
  });

  it('labelMoves stores nothing when every label is already recorded', () => {
    const snapshot = snapshotOf({ secrets: [withVersions] });
    const stored = labelMoves(snapshot, resync(), NOW);
    const again = snapshotOf({ secrets: [withVersions], records: stored });

    expect(labelMoves(again, resync(), new Date('2024-07-01T00:00:00Z'))).toEqual([]);
  });
});
