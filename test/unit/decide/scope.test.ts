import { describe, expect, it } from 'vitest';
import { plan } from '../../../lib/decide/plan.js';
import { DEFAULT_POLICY } from '../../../lib/decide/policy.js';
import type { Trigger } from '../../../lib/events/types.js';
import {
  ACCOUNT,
  CLUSTER,
  NOW,
  REGION,
  resync,
  secretChanged,
  snapshotOf,
} from './build.js';
import { API, DB, MOVED, WEB_CLUSTER, worldOf } from './world.js';

const WEB_ARN = `arn:aws:ecs:${REGION}:${ACCOUNT}:service/web-prod/web`;

const snapshot = snapshotOf(
  worldOf([
    { name: 'payments-api', valueFroms: [DB] },
    { name: 'ledger', valueFroms: [API] },
    {
      name: 'web',
      valueFroms: [DB],
      extra: { clusterArn: WEB_CLUSTER, serviceArn: WEB_ARN },
    },
    { name: 'batch', valueFroms: ['/batch/config'] },
  ]),
);

const base = { eventId: null, account: ACCOUNT, region: REGION, at: MOVED };

const serviceChanged = (serviceArn: string, clusterArn: string | null): Trigger => ({
  ...base,
  kind: 'serviceChanged',
  serviceArn,
  clusterArn,
  deploymentId: null,
  eventName: 'SERVICE_DEPLOYMENT_FAILED',
  reason: null,
});

const taskStopped = (group: string | null): Trigger => ({
  ...base,
  kind: 'taskStopped',
  taskArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task/payments-prod/0123456789abcdef`,
  clusterArn: CLUSTER,
  taskDefinitionArn: null,
  group,
  stopCode: 'TaskFailedToStart',
  stoppedReason: 'ResourceInitializationError: unable to pull secrets or registry auth',
});

describe('scope', () => {
  it.each<{ when: string; trigger: Trigger; services: string[] }>([
    {
      when: 'a secret named by name changed',
      trigger: secretChanged('db-password', MOVED),
      services: ['payments-api', 'web'],
    },
    {
      when: 'a secret named by full ARN changed',
      trigger: secretChanged(DB, MOVED),
      services: ['payments-api', 'web'],
    },
    {
      when: 'a secret named by partial ARN changed',
      trigger: secretChanged(
        `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:api-key`,
        MOVED,
      ),
      services: ['ledger'],
    },
    {
      when: 'an unknown secret changed',
      trigger: secretChanged('not-there', MOVED),
      services: [],
    },
    {
      when: 'a scheduled resync runs',
      trigger: resync(),
      services: ['ledger', 'payments-api', 'web'],
    },
    {
      when: 'a resync is limited to a cluster name',
      trigger: resync(['web-prod']),
      services: ['web'],
    },
    {
      when: 'a resync is limited to a cluster ARN',
      trigger: resync([CLUSTER]),
      services: ['ledger', 'payments-api'],
    },
    {
      when: 'a resync is limited to a secret',
      trigger: resync([], ['api-key']),
      services: ['ledger'],
    },
    {
      when: 'a resync is limited to a cluster and a secret',
      trigger: resync(['payments-prod'], [DB]),
      services: ['payments-api'],
    },
    {
      when: 'a resync names only unknown secrets',
      trigger: resync([], ['nope']),
      services: [],
    },
    {
      when: 'a service changed',
      trigger: serviceChanged(WEB_ARN, WEB_CLUSTER),
      services: ['web'],
    },
    {
      when: 'a service changed, named by an old-format ARN',
      trigger: serviceChanged(
        `arn:aws:ecs:${REGION}:${ACCOUNT}:service/web`,
        WEB_CLUSTER,
      ),
      services: ['web'],
    },
    {
      when: 'a task of a service stopped',
      trigger: taskStopped('service:ledger'),
      services: ['ledger'],
    },
    {
      when: 'a standalone task stopped',
      trigger: taskStopped('family:nightly'),
      services: [],
    },
    { when: 'a task without a group stopped', trigger: taskStopped(null), services: [] },
  ])('plans for $services when $when', ({ trigger, services }) => {
    const result = plan(snapshot, trigger, DEFAULT_POLICY, NOW);

    const names = result.actions.map((action) => action.serviceArn.split('/').at(-1));
    expect(names.sort()).toEqual(services);
  });

  it('reports references of services without secrets but gives them no action', () => {
    const result = plan(snapshot, resync(['payments-prod']), DEFAULT_POLICY, NOW);

    const batch = result.references.filter((ref) => ref.serviceArn?.endsWith('/batch'));
    expect(batch).toMatchObject([{ secretArn: null, valueFrom: '/batch/config' }]);
    expect(result.actions.some((action) => action.serviceArn.endsWith('/batch'))).toBe(
      false,
    );
  });
});
