import { describe, expect, it } from 'vitest';
import { classifyEvent } from '../../../lib/events/index.js';
import type { EventResult } from '../../../lib/events/types.js';
import { listEventFixtures, loadEventFixture } from '../../support/fixtures.js';

const RECEIVED_AT = '2026-11-02T12:30:00.000Z';
const ACCOUNT = { account: '111122223333', region: 'us-east-1' };
const SECRET_ARN =
  'arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/payments/db-Tq3Zp8';
const SERVICE_ARN =
  'arn:aws:ecs:us-east-1:111122223333:service/payments-prod/payments-api';
const CLUSTER_ARN = 'arn:aws:ecs:us-east-1:111122223333:cluster/payments-prod';
const TASK_ARN =
  'arn:aws:ecs:us-east-1:111122223333:task/prod/0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const TASK_DEF_ARN = 'arn:aws:ecs:us-east-1:111122223333:task-definition/payments-api:42';
const DEPLOYMENT = 'ecs-svc/4830163581346732561';

function secretChanged(fields: Record<string, unknown>): EventResult {
  return {
    outcome: 'trigger',
    trigger: { ...ACCOUNT, kind: 'secretChanged', secretId: SECRET_ARN, ...fields },
  } as EventResult;
}

function serviceChanged(eventId: string, at: string, eventName: string, reason: string) {
  return {
    outcome: 'trigger',
    trigger: {
      ...ACCOUNT,
      kind: 'serviceChanged',
      eventId,
      at,
      serviceArn: SERVICE_ARN,
      clusterArn: CLUSTER_ARN,
      deploymentId: DEPLOYMENT,
      eventName,
      reason,
    },
  } as EventResult;
}

function taskStopped(fields: Record<string, unknown>): EventResult {
  return {
    outcome: 'trigger',
    trigger: {
      ...ACCOUNT,
      kind: 'taskStopped',
      taskArn: TASK_ARN,
      clusterArn: CLUSTER_ARN,
      taskDefinitionArn: TASK_DEF_ARN,
      group: 'service:payments-api',
      ...fields,
    },
  } as EventResult;
}

const EXPECTED: Record<string, EventResult> = {
  'secretsmanager/secret-label-updated.json': secretChanged({
    at: '2025-06-01T03:00:05Z',
    eventId: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    change: 'labelUpdated',
    label: 'AWSCURRENT',
    versionId: '06ae02cf-d946-42af-a086-84652f97b263',
    movesLabel: true,
  }),
  'secretsmanager/rotation-succeeded.json': secretChanged({
    at: '2025-06-01T03:00:07Z',
    eventId: 'dd5fd657-7361-f5d2-0c0f-0fe27390611b',
    change: 'rotationSucceeded',
    label: 'AWSCURRENT',
    versionId: null,
    movesLabel: true,
  }),
  'secretsmanager/rotation-failed.json': secretChanged({
    at: '2025-06-01T03:00:07Z',
    eventId: 'c1f0e2a4-3b5d-4f6e-8a9b-0c1d2e3f4a5b',
    change: 'rotationFailed',
    label: null,
    versionId: null,
    movesLabel: false,
  }),
  'secretsmanager/rotation-abandoned.json': secretChanged({
    at: '2025-06-01T03:00:07Z',
    eventId: 'e2a1b3c4-5d6e-4f70-8192-a3b4c5d6e7f8',
    change: 'rotationAbandoned',
    label: null,
    versionId: null,
    movesLabel: false,
  }),
  'secretsmanager/put-secret-value.json': secretChanged({
    at: '2025-06-02T09:02:41Z',
    eventId: '79f04f06-924c-7a00-b3f8-e532167d23e0',
    change: 'valuePut',
    label: 'AWSCURRENT',
    versionId: 'b7e1f0c2-9a4d-4c3e-8f21-6d5a0e9c1b27',
    movesLabel: true,
  }),
  'secretsmanager/put-secret-value-legacy-arn.json': secretChanged({
    at: '2023-11-14T16:40:03Z',
    eventId: '4f6a8c0e-2b4d-4f6a-9c0e-2b4d6f8a0c1e',
    change: 'valuePut',
    label: 'AWSCURRENT',
    versionId: 'd3e5f7a9-1b3c-4d5e-8f7a-9b1c3d5e7f90',
    movesLabel: true,
  }),
  'secretsmanager/put-secret-value-pending.json': {
    outcome: 'ignored',
    reason: 'PendingOnly',
    message: expect.any(String),
  },
  'secretsmanager/put-secret-value-access-denied.json': {
    outcome: 'ignored',
    reason: 'CallFailed',
    message: 'The call failed with "AccessDenied".',
  },
  'secretsmanager/update-secret-version-stage.json': secretChanged({
    at: '2025-06-02T09:11:30Z',
    eventId: '3d5f7b9d-1f3b-4d5f-9b1d-3f5b7d9f1b3d',
    change: 'stageUpdated',
    label: 'AWSCURRENT',
    versionId: 'c2d4e6f8-0a1b-4c3d-9e5f-7a8b9c0d1e2f',
    movesLabel: true,
  }),
  'secretsmanager/update-secret-version-stage-remove-pending.json': {
    outcome: 'ignored',
    reason: 'PendingOnly',
    message: expect.any(String),
  },
  'secretsmanager/delete-secret.json': secretChanged({
    at: '2025-06-02T09:22:00Z',
    eventId: '6c8e0a2c-4e6a-4c8e-9a2c-4e6a8c0e2a4d',
    change: 'deleted',
    label: null,
    versionId: null,
    movesLabel: false,
  }),
  'secretsmanager/restore-secret.json': secretChanged({
    at: '2025-06-02T09:25:18Z',
    eventId: '7d9f1b3d-5f7b-4d9f-8b3d-5f7b9d1f3b5e',
    change: 'restored',
    label: null,
    versionId: null,
    movesLabel: false,
  }),
  'ecs/deployment-in-progress.json': serviceChanged(
    'ddca6449-b258-46c0-8653-e0e3a6b1c2d3',
    '2025-06-02T09:12:02Z',
    'SERVICE_DEPLOYMENT_IN_PROGRESS',
    `ECS deployment ${DEPLOYMENT} in progress.`,
  ),
  'ecs/deployment-completed.json': serviceChanged(
    'b2d4f6a8-0c2e-4b4d-8f6a-8c0e2b4d6f8a',
    '2025-06-02T09:16:40Z',
    'SERVICE_DEPLOYMENT_COMPLETED',
    `ECS deployment ${DEPLOYMENT} completed.`,
  ),
  'ecs/deployment-failed.json': serviceChanged(
    'c3e5a7b9-1d3f-4c5e-9a7b-9d1f3c5e7a9b',
    '2025-06-02T09:24:18Z',
    'SERVICE_DEPLOYMENT_FAILED',
    'ECS deployment circuit breaker: tasks failed to start.',
  ),
  'ecs/task-stopped-secret-fetch-failed.json': taskStopped({
    at: '2025-06-02T09:12:41Z',
    eventId: 'f1a3c5e7-9b1d-4f3a-8c5e-7a9b1d3f5c7e',
    stopCode: 'TaskFailedToStart',
    stoppedReason: expect.stringMatching(
      /^ResourceInitializationError: unable to pull secrets or registry auth: .*unable to retrieve secret from asm/,
    ),
  }),
  'ecs/task-stopped-essential-exited.json': taskStopped({
    at: '2025-06-02T09:10:52Z',
    eventId: 'b8d0f2a4-6c8e-4b0d-9f2a-4c6e8b0d2f4a',
    stopCode: 'EssentialContainerExited',
    stoppedReason: 'Essential container in task exited',
  }),
  'ecs/task-stopped-scheduler.json': taskStopped({
    at: '2025-06-02T09:16:20Z',
    eventId: 'a7c9e1b3-5d7f-4a9c-8e1b-3d5f7a9c1e3b',
    stopCode: 'ServiceSchedulerInitiated',
    stoppedReason: `Scaling activity initiated by (deployment ${DEPLOYMENT})`,
  }),
  'ecs/task-running.json': {
    outcome: 'ignored',
    reason: 'TaskNotStopped',
    message: 'The task is "RUNNING", not STOPPED.',
  },
  'schedule/scheduled-event.json': {
    outcome: 'trigger',
    trigger: {
      ...ACCOUNT,
      kind: 'resync',
      source: 'schedule',
      at: '2026-11-02T12:00:00Z',
      eventId: '89d1a02d-5ec7-412e-82f5-13505f849b41',
      clusters: [],
      secrets: [],
    },
  },
  'manual/resync-all.json': {
    outcome: 'trigger',
    trigger: {
      kind: 'resync',
      source: 'manual',
      at: RECEIVED_AT,
      eventId: null,
      account: null,
      region: null,
      clusters: [],
      secrets: [],
    },
  },
  'manual/resync-scoped.json': {
    outcome: 'trigger',
    trigger: {
      kind: 'resync',
      source: 'manual',
      at: RECEIVED_AT,
      eventId: null,
      account: null,
      region: null,
      clusters: ['payments-prod'],
      secrets: [
        'prod/payments/db',
        'arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/payments/stripe-Lk8Vw2',
      ],
    },
  },
};

function withDetail(path: string, detail: Record<string, unknown>) {
  const event = loadEventFixture(path);
  return { ...event, detail: { ...(event.detail as object), ...detail } };
}

const deep: Record<string, unknown> = {};
let node = deep;
for (let i = 0; i < 10_000; i += 1) {
  node.next = {};
  node = node.next as Record<string, unknown>;
}
const circular: Record<string, unknown> = { source: 'aws.ecs' };
circular.detail = circular;
const hostile = new Proxy(
  {},
  {
    getOwnPropertyDescriptor: () => {
      throw new Error('trap');
    },
  },
);

describe('classify', () => {
  it('covers every event fixture when the table is read', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(listEventFixtures());
  });

  it.each(Object.entries(EXPECTED))(
    'returns the expected result when given %s',
    (path, expected) => {
      expect(classifyEvent(loadEventFixture(path), RECEIVED_AT)).toEqual(expected);
    },
  );

  it.each([
    ['null', null, 'NotAnObject'],
    ['undefined', undefined, 'NotAnObject'],
    ['a string', '{"scope":"all"}', 'NotAnObject'],
    ['a number', 7, 'NotAnObject'],
    ['an array', [loadEventFixture('manual/resync-all.json')], 'NotAnObject'],
    ['an empty object', {}, 'UnknownShape'],
    [
      'a huge object',
      Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i])),
      'UnknownShape',
    ],
    ['a deeply nested object', deep, 'UnknownShape'],
    ['a circular event', circular, 'MissingField'],
    ['an object whose traps throw', hostile, 'UnreadableInput'],
    [
      'an EC2 event',
      { ...loadEventFixture('schedule/scheduled-event.json'), source: 'aws.ec2' },
      'UnknownSource',
    ],
    [
      'an unknown ECS detail-type',
      {
        ...loadEventFixture('ecs/task-running.json'),
        'detail-type': 'ECS Service Action',
      },
      'UnknownDetailType',
    ],
    [
      'a prototype key as source',
      { ...loadEventFixture('ecs/task-running.json'), source: 'constructor' },
      'UnknownSource',
    ],
    [
      'an unread API call',
      withDetail('secretsmanager/delete-secret.json', { eventName: 'TagResource' }),
      'UnknownEventName',
    ],
    [
      'an unread service event',
      withDetail('secretsmanager/rotation-failed.json', { eventName: 'RotationStarted' }),
      'UnknownEventName',
    ],
    [
      'an unread deployment event',
      withDetail('ecs/deployment-failed.json', { eventName: 'SERVICE_STEADY_STATE' }),
      'UnknownEventName',
    ],
    ['a manual payload with an extra key', { scope: 'all', force: true }, 'InvalidField'],
    ['a manual payload with an empty scope', { scope: {} }, 'InvalidField'],
    [
      'a manual payload with an unknown scope key',
      { scope: { services: ['a'] } },
      'InvalidField',
    ],
    ['a manual payload with a blank name', { scope: { secrets: [' '] } }, 'InvalidField'],
  ])('returns unrecognised without throwing when given %s', (_, input, reason) => {
    const result = classifyEvent(input);

    expect(result).toEqual({
      outcome: 'unrecognised',
      reason,
      message: expect.any(String),
    });
  });

  it('takes the secret id from the request when the response names no ARN', () => {
    const event = withDetail('secretsmanager/put-secret-value.json', {
      responseElements: { versionId: 'v2' },
    });

    expect(classifyEvent(event)).toMatchObject({
      trigger: { secretId: 'prod/payments/db', versionId: 'v2', label: 'AWSCURRENT' },
    });
  });

  it('reports the custom label when a put attaches one besides AWSPENDING', () => {
    const event = withDetail('secretsmanager/put-secret-value-pending.json', {
      requestParameters: {
        secretId: 'prod/payments/db',
        versionStages: ['AWSPENDING', 'blue'],
      },
      responseElements: null,
    });

    expect(classifyEvent(event)).toMatchObject({
      trigger: { secretId: 'prod/payments/db', label: 'blue', versionId: null },
    });
  });

  it('reports a removed label as not moving when no version takes it', () => {
    const event = withDetail('secretsmanager/update-secret-version-stage.json', {
      requestParameters: {
        secretId: 'prod/payments/db',
        versionStage: 'blue',
        removeFromVersionId: 'v1',
      },
    });

    expect(classifyEvent(event)).toMatchObject({
      trigger: { label: 'blue', versionId: null, movesLabel: false },
    });
  });

  it('leaves clusterArn null when the service ARN has the old format', () => {
    const event = {
      ...loadEventFixture('ecs/deployment-completed.json'),
      resources: ['arn:aws:ecs:us-east-1:111122223333:service/payments-api'],
    };

    expect(classifyEvent(event)).toMatchObject({
      trigger: { kind: 'serviceChanged', clusterArn: null },
    });
  });

  it('removes duplicate names when a manual scope repeats one', () => {
    const result = classifyEvent({ scope: { clusters: ['prod', 'prod'] } }, RECEIVED_AT);

    expect(result).toMatchObject({ trigger: { clusters: ['prod'], secrets: [] } });
  });
});
