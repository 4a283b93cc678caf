import { describe, expect, it } from 'vitest';
import { normaliseTimestamp } from '../../../lib/snapshot/timestamp.js';
import { loadExampleFleet, loadSnapshotFixture } from '../../support/snapshots.js';

describe('timestamp', () => {
  it.each<[string, string | number | Date, string | null]>([
    [
      'CLI v2 microseconds with offset',
      '2024-05-01T10:00:00.123000+00:00',
      '2024-05-01T10:00:00.123Z',
    ],
    ['Z suffix', '2024-05-01T10:00:00Z', '2024-05-01T10:00:00.000Z'],
    ['lower-case t and z (RFC 3339)', '2024-05-01t10:00:00z', '2024-05-01T10:00:00.000Z'],
    ['positive offset', '2024-05-01T12:30:00+02:30', '2024-05-01T10:00:00.000Z'],
    [
      'negative offset without colon',
      '2024-05-01T05:00:00-0500',
      '2024-05-01T10:00:00.000Z',
    ],
    ['no zone, read as UTC', '2024-05-01T10:00:00', '2024-05-01T10:00:00.000Z'],
    ['space instead of T', '2024-05-01 10:00:00.5+00:00', '2024-05-01T10:00:00.500Z'],
    ['date only', '2024-05-01', '2024-05-01T00:00:00.000Z'],
    [
      'nanoseconds truncated',
      '2024-05-01T10:00:00.999999999Z',
      '2024-05-01T10:00:00.999Z',
    ],
    ['CLI v1 epoch seconds float', 1714557600.123, '2024-05-01T10:00:00.123Z'],
    ['epoch seconds integer', 1714557600, '2024-05-01T10:00:00.000Z'],
    ['SDK Date', new Date(Date.UTC(2024, 4, 1, 10)), '2024-05-01T10:00:00.000Z'],
    ['epoch milliseconds', 1714557600123, null],
    ['negative epoch', -1, null],
    ['NaN', Number.NaN, null],
    ['invalid Date', new Date(Number.NaN), null],
    ['February 30th', '2024-02-30T00:00:00Z', null],
    ['hour 24', '2024-05-01T24:00:00Z', null],
    ['a bare number string', '1', null],
    ['an epoch seconds string', '1714557600', null],
    ['prose', 'last Tuesday', null],
    ['empty', '', null],
  ])('normalises %s', (_case, input, expected) => {
    expect(normaliseTimestamp(input)).toBe(expected);
  });

  it('normalises CLI v1 epoch seconds everywhere when a snapshot is loaded', () => {
    const snapshot = loadSnapshotFixture('cli-shapes');
    const [secret] = snapshot.secrets;

    expect(snapshot.capturedAt).toBe('2024-05-01T12:00:00.000Z');
    expect(snapshot.services[0]?.deployments[0]?.createdAt).toBe(
      '2024-04-24T09:00:00.517Z',
    );
    expect(snapshot.taskDefinitions[0]?.registeredAt).toBe('2024-04-24T08:58:20.337Z');
    expect(snapshot.tasks?.[0]?.pullStartedAt).toBe('2024-04-24T09:00:40.402Z');
    expect(secret?.LastRotatedDate).toBe('2024-04-24T08:00:00.123Z');
    expect(secret?.Versions?.[1]?.CreatedDate).toBe('2024-04-24T08:00:00.123Z');
    expect(snapshot.records?.[0]?.movedAt).toBe('2024-04-24T08:00:01.500Z');
  });

  it('normalises CLI v2 offsets everywhere when the example fleet is loaded', () => {
    const fleet = loadExampleFleet();
    const api = fleet.services.find((service) => service.serviceName === 'payments-api');
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

    expect(api?.deployments[0]?.createdAt).toBe('2025-05-20T14:12:31.482Z');
    const times = [
      ...fleet.secrets.map((secret) => secret.CreatedDate),
      ...(fleet.tasks ?? []).map((task) => task.createdAt),
      ...fleet.services.flatMap((service) => service.deployments.map((d) => d.updatedAt)),
    ];

    expect(times.filter((time) => time === undefined || !iso.test(time))).toEqual([]);
  });
});
