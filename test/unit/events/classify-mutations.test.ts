import { describe, expect, it } from 'vitest';
import { classifyEvent } from '../../../lib/events/index.js';
import type { EventResult } from '../../../lib/events/types.js';
import {
  type EventFixture,
  listEventFixtures,
  loadEventFixture,
} from '../../support/fixtures.js';

type Outcome = EventResult['outcome'];

/** A field the shape needs, and the honest outcome once it is removed or mistyped. */
type Mutation = { path: string; removed?: Outcome; mistyped?: Outcome };

const ENVELOPE: Mutation[] = [
  'version',
  'id',
  'source',
  'detail-type',
  'account',
  'time',
  'region',
  'resources',
].map((path) => ({ path }));

const ROTATION = [
  'detail.eventSource',
  'detail.eventName',
  'detail.additionalEventData',
  'detail.additionalEventData.SecretId',
].map((path) => ({ path }));

const API_CALL = [
  'detail.eventSource',
  'detail.eventName',
  'detail.requestParameters',
  'detail.requestParameters.secretId',
].map((path) => ({ path }));

const TASK = ['detail', 'detail.taskArn', 'detail.clusterArn', 'detail.lastStatus'].map(
  (path) => ({ path }),
);

const DEPLOYMENT = ['detail', 'detail.eventName', 'resources[0]'].map((path) => ({
  path,
}));

const MUTATIONS: Record<string, Mutation[]> = {
  'secretsmanager/secret-label-updated.json': [
    ...ENVELOPE,
    { path: 'detail' },
    { path: 'detail.name' },
    { path: 'detail.labelUpdated' },
    { path: 'detail.versionId' },
    // Without the ARN the secret is still named by detail.name.
    { path: 'resources[0]', removed: 'trigger' },
  ],
  'secretsmanager/rotation-succeeded.json': [...ENVELOPE, ...ROTATION],
  'secretsmanager/rotation-failed.json': [...ENVELOPE, ...ROTATION],
  'secretsmanager/rotation-abandoned.json': [...ENVELOPE, ...ROTATION],
  'secretsmanager/put-secret-value.json': [
    ...ENVELOPE,
    ...API_CALL,
    // The request still names the secret and the version; a put without
    // versionStages attaches AWSCURRENT.
    { path: 'detail.responseElements', removed: 'trigger', mistyped: 'trigger' },
    { path: 'detail.responseElements.versionStages', removed: 'trigger' },
  ],
  'secretsmanager/put-secret-value-pending.json': [
    ...ENVELOPE,
    ...API_CALL,
    { path: 'detail.requestParameters.versionStages', removed: 'ignored' },
  ],
  'secretsmanager/put-secret-value-legacy-arn.json': [
    ...ENVELOPE,
    ...API_CALL,
    { path: 'detail.responseElements.aRN', removed: 'trigger' },
  ],
  'secretsmanager/put-secret-value-access-denied.json': [
    ...ENVELOPE,
    { path: 'detail.eventSource' },
    { path: 'detail.eventName', mistyped: 'unrecognised' },
    // A failed call moved nothing, whatever else its record holds.
    { path: 'detail.requestParameters', removed: 'ignored', mistyped: 'ignored' },
    { path: 'detail.errorCode', removed: 'trigger' },
  ],
  'secretsmanager/update-secret-version-stage.json': [
    ...ENVELOPE,
    ...API_CALL,
    { path: 'detail.requestParameters.versionStage' },
    { path: 'detail.requestParameters.moveToVersionId', removed: 'trigger' },
  ],
  'secretsmanager/update-secret-version-stage-remove-pending.json': [
    ...ENVELOPE,
    ...API_CALL,
    { path: 'detail.requestParameters.versionStage' },
    { path: 'detail.requestParameters.removeFromVersionId' },
  ],
  'secretsmanager/delete-secret.json': [...ENVELOPE, ...API_CALL],
  'secretsmanager/restore-secret.json': [...ENVELOPE, ...API_CALL],
  'ecs/deployment-in-progress.json': [...ENVELOPE, ...DEPLOYMENT],
  'ecs/deployment-completed.json': [...ENVELOPE, ...DEPLOYMENT],
  'ecs/deployment-failed.json': [
    ...ENVELOPE,
    ...DEPLOYMENT,
    { path: 'detail.deploymentId', removed: 'trigger' },
    { path: 'detail.reason', removed: 'trigger' },
  ],
  'ecs/task-stopped-secret-fetch-failed.json': [
    ...ENVELOPE,
    ...TASK,
    { path: 'detail.stopCode', removed: 'trigger' },
    { path: 'detail.stoppedReason', removed: 'trigger' },
    { path: 'detail.group', removed: 'trigger' },
    { path: 'detail.taskDefinitionArn', removed: 'trigger' },
  ],
  'ecs/task-stopped-essential-exited.json': [...ENVELOPE, ...TASK],
  'ecs/task-stopped-scheduler.json': [...ENVELOPE, ...TASK],
  'ecs/task-running.json': [...ENVELOPE, ...TASK],
  'schedule/scheduled-event.json': [...ENVELOPE, { path: 'detail' }],
  'manual/resync-all.json': [{ path: 'scope' }],
  'manual/resync-scoped.json': [
    { path: 'scope' },
    { path: 'scope.clusters', removed: 'trigger' },
    { path: 'scope.secrets[1]', removed: 'trigger' },
  ],
};

type Key = string | number;

function parsePath(path: string): Key[] {
  return path.split('.').flatMap((part) => {
    const [name, ...indexes] = part.split(/[[\]]/).filter((piece) => piece !== '');
    return [name ?? '', ...indexes.map(Number)];
  });
}

function parentOf(root: EventFixture, keys: Key[]): Record<Key, unknown> {
  let node: unknown = root;
  for (const key of keys.slice(0, -1)) node = (node as Record<Key, unknown>)[key];
  if (node === null || typeof node !== 'object') throw new Error('Path not in fixture');
  return node as Record<Key, unknown>;
}

function removed(fixture: EventFixture, path: string): EventFixture {
  const copy = structuredClone(fixture);
  const keys = parsePath(path);
  const parent = parentOf(copy, keys);
  const last = keys.at(-1) as Key;
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
  return copy;
}

/** string → number, object or array → null, anything else → string. */
function mistyped(fixture: EventFixture, path: string): EventFixture {
  const copy = structuredClone(fixture);
  const keys = parsePath(path);
  const parent = parentOf(copy, keys);
  const last = keys.at(-1) as Key;
  const value = parent[last];
  if (value === undefined) throw new Error(`${path} is not in the fixture`);
  parent[last] = typeof value === 'string' ? 42 : typeof value === 'object' ? null : 'x';
  return copy;
}

const CASES = Object.entries(MUTATIONS).flatMap(([fixture, mutations]) =>
  mutations.flatMap(
    ({ path, removed: r = 'unrecognised', mistyped: m = 'unrecognised' }) => [
      { fixture, path, change: 'removed', expected: r },
      { fixture, path, change: 'mistyped', expected: m },
    ],
  ),
);

describe('classify', () => {
  it('has mutations for every event fixture', () => {
    expect(Object.keys(MUTATIONS).sort()).toEqual(listEventFixtures());
  });

  it.each(CASES)(
    'returns $expected when $path is $change in $fixture',
    ({ fixture, path, change, expected }) => {
      const event = loadEventFixture(fixture);
      const input = change === 'removed' ? removed(event, path) : mistyped(event, path);

      const result = classifyEvent(input, '2026-11-02T12:30:00.000Z');

      expect(result.outcome).toBe(expected);
      if (result.outcome === 'unrecognised') {
        expect(['MissingField', 'InvalidField', 'UnknownShape']).toContain(result.reason);
      }
    },
  );

  it.each([
    [
      'detail.requestParameters.secretId',
      'MissingField',
      'detail.requestParameters.secretId',
    ],
    ['detail.requestParameters', 'MissingField', 'detail.requestParameters'],
  ])('names the field path when %s is removed', (path, reason, named) => {
    const event = removed(loadEventFixture('secretsmanager/delete-secret.json'), path);

    const result = classifyEvent(event);

    expect(result).toEqual({
      outcome: 'unrecognised',
      reason,
      message: expect.stringContaining(named),
    });
  });

  it('says InvalidField with the path when a field has the wrong type', () => {
    const event = mistyped(
      loadEventFixture('ecs/task-running.json'),
      'detail.clusterArn',
    );

    const result = classifyEvent(event);

    expect(result).toEqual({
      outcome: 'unrecognised',
      reason: 'InvalidField',
      message: expect.stringMatching(/^detail\.clusterArn: /),
    });
  });
});
