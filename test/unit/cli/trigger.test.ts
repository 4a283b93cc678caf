import { describe, expect, it } from 'vitest';
import { describeTrigger } from '../../../cli/format/trigger.js';
import type { PlanTrigger } from '../../../lib/plan/types.js';

const AT = '2025-06-01T03:00:05Z';
const SECRET = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db-Tq3Zp8';
const SERVICE = 'arn:aws:ecs:us-east-1:111122223333:service/prod/api';
const TASK = 'arn:aws:ecs:us-east-1:111122223333:task/prod/0123456789abcdef';

function secretChanged(change: string, extra: Record<string, unknown> = {}): PlanTrigger {
  return { kind: 'secretChanged', secretId: SECRET, change, at: AT, ...extra };
}

describe('describeTrigger', () => {
  it.each<{ when: string; trigger: PlanTrigger; phrase: string }>([
    {
      when: 'a label moved to a version',
      trigger: secretChanged('labelUpdated', { label: 'AWSCURRENT', versionId: 'v2' }),
      phrase: `the move of AWSCURRENT on secret ${SECRET} to version v2 at ${AT}`,
    },
    {
      when: 'a stage moved without a version',
      trigger: secretChanged('stageUpdated', { label: 'blue' }),
      phrase: `the move of blue on secret ${SECRET} by UpdateSecretVersionStage at ${AT}`,
    },
    {
      when: 'a value was put without a label',
      trigger: secretChanged('valuePut', { versionId: 'v3' }),
      phrase: `a new value of secret ${SECRET}, which moved AWSCURRENT to version v3 at ${AT}`,
    },
    {
      when: 'a rotation succeeded',
      trigger: secretChanged('rotationSucceeded'),
      phrase: `a successful rotation of secret ${SECRET}, which moved AWSCURRENT at ${AT}`,
    },
    {
      when: 'a rotation failed',
      trigger: secretChanged('rotationFailed'),
      phrase: `a failed rotation of secret ${SECRET} (no label moved) at ${AT}`,
    },
    {
      when: 'a rotation was abandoned',
      trigger: secretChanged('rotationAbandoned'),
      phrase: `an abandoned rotation of secret ${SECRET} (no label moved) at ${AT}`,
    },
    {
      when: 'a secret was deleted',
      trigger: secretChanged('deleted'),
      phrase: `the deletion of secret ${SECRET} (no label moved) at ${AT}`,
    },
    {
      when: 'a secret was restored',
      trigger: secretChanged('restored'),
      phrase: `the restore of secret ${SECRET} (no label moved) at ${AT}`,
    },
    {
      when: 'the change is not one it words',
      trigger: { kind: 'secretChanged', change: 'other' },
      phrase: 'a change to secret (unnamed)',
    },
    {
      when: 'a service changed',
      trigger: {
        kind: 'serviceChanged',
        serviceArn: SERVICE,
        eventName: 'SERVICE_DEPLOYMENT_FAILED',
        at: AT,
      },
      phrase: `ECS event SERVICE_DEPLOYMENT_FAILED for service api at ${AT}`,
    },
    {
      when: 'a task of a service stopped',
      trigger: {
        kind: 'taskStopped',
        taskArn: TASK,
        group: 'service:api',
        stopCode: 'TaskFailedToStart',
      },
      phrase: 'the stop of task 0123456789abcdef of service api (TaskFailedToStart)',
    },
    {
      when: 'a standalone task stopped',
      trigger: {
        kind: 'taskStopped',
        taskArn: TASK,
        group: 'family:job',
        stopCode: null,
      },
      phrase: 'the stop of task 0123456789abcdef (family:job)',
    },
    {
      when: 'the schedule resyncs everything',
      trigger: { kind: 'resync', source: 'schedule', clusters: [], secrets: [], at: AT },
      phrase: `a scheduled resync of every service at ${AT}`,
    },
    {
      when: 'a manual resync names clusters',
      trigger: { kind: 'resync', source: 'manual', clusters: ['a', 'b'], secrets: [] },
      phrase: 'a manual resync of the services in clusters a, b',
    },
    {
      when: 'a manual resync names one secret in one cluster',
      trigger: { kind: 'resync', source: 'manual', clusters: ['a'], secrets: ['db'] },
      phrase: 'a manual resync of the consumers of secret db in cluster a',
    },
    {
      when: 'the event asks for nothing',
      trigger: { kind: 'secretChanged', ignored: { reason: 'PendingOnly' }, at: AT },
      phrase: `a Secrets Manager event that asks for nothing (PendingOnly) at ${AT}`,
    },
  ])('words the trigger when $when', ({ trigger, phrase }) => {
    expect(describeTrigger(trigger)).toBe(phrase);
  });

  it('reads ARNs the snapshot knows as names when given names', () => {
    const names = {
      service: () => 'api (prod)',
      text: (value: string) => value.replace(SECRET, 'db'),
    };

    const phrase = describeTrigger(secretChanged('labelUpdated'), names);

    expect(phrase).toBe(`the move of AWSCURRENT on secret db at ${AT}`);
  });
});
