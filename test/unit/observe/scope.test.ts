import { describe, expect, it } from 'vitest';
import type { Trigger } from '../../../lib/events/types.js';
import { type ObserveScope, scopeForTrigger } from '../../../lib/observe/scope.js';

const base = { at: '2024-05-01T00:00:00Z', eventId: null, account: null, region: null };
const CLUSTER = 'arn:aws:ecs:us-east-1:111122223333:cluster/main';
const SERVICE = 'arn:aws:ecs:us-east-1:111122223333:service/main/web';
const TASK = 'arn:aws:ecs:us-east-1:111122223333:task/main/abc';

const cases: [string, Trigger, readonly string[], Partial<ObserveScope>][] = [
  [
    'every service, drift for consumers of the secret',
    {
      ...base,
      kind: 'secretChanged',
      change: 'rotationSucceeded',
      secretId: 'db',
      label: 'AWSCURRENT',
      versionId: 'v2',
      movesLabel: true,
    },
    ['main'],
    { clusters: ['main'], services: null, secrets: ['db'], drift: 'consumers' },
  ],
  [
    'the one service, cluster taken from its ARN',
    {
      ...base,
      kind: 'serviceChanged',
      serviceArn: SERVICE,
      clusterArn: null,
      deploymentId: null,
      eventName: 'SERVICE_DEPLOYMENT_FAILED',
      reason: null,
    },
    [],
    {
      clusters: ['main'],
      services: [{ cluster: 'main', service: SERVICE }],
      drift: 'services',
    },
  ],
  [
    'the stopped task and the service of its group',
    {
      ...base,
      kind: 'taskStopped',
      taskArn: TASK,
      clusterArn: CLUSTER,
      taskDefinitionArn: null,
      group: 'service:web',
      stopCode: 'TaskFailedToStart',
      stoppedReason: null,
    },
    [],
    {
      services: [{ cluster: CLUSTER, service: 'web' }],
      tasks: [{ cluster: CLUSTER, task: TASK }],
      drift: 'services',
    },
  ],
  [
    'the configured clusters in full',
    { ...base, kind: 'resync', source: 'schedule', clusters: [], secrets: [] },
    ['main', 'edge'],
    { clusters: ['main', 'edge'], services: null, secrets: [], drift: 'services' },
  ],
  [
    'the manual clusters and consumers of the manual secrets',
    { ...base, kind: 'resync', source: 'manual', clusters: ['edge'], secrets: ['db'] },
    ['main'],
    { clusters: ['edge'], secrets: ['db'], drift: 'consumers' },
  ],
];

describe('scope', () => {
  it.each(cases)(
    'reads %s when the trigger says so',
    (_, trigger, clusters, expected) => {
      expect(scopeForTrigger(trigger, { clusters })).toMatchObject(expected);
    },
  );
});
