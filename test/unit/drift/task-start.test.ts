import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../lib/decide/policy.js';
import { driftChecks } from '../../../lib/drift/checks.js';
import { planWithDrift, taskStartFindings } from '../../../lib/drift/index.js';
import {
  fleet,
  fleetNow,
  fleetService,
  fleetTaskDefinition,
  resyncAt,
  taskStopped,
} from './fleet.js';

const REASONS = JSON.parse(
  readFileSync(new URL('fixtures/task-start.json', import.meta.url), 'utf8'),
) as Record<string, string>;

const FAILED = 'TaskFailedToStart';
const TASK_ID = '5b0e8c1f2a3d4e6f7a8b9c0d1e2f3a4b';

type Case = {
  when: string;
  cluster: string;
  group: string | null;
  taskDefinitionArn: string | null;
  stopCode: string | null;
  reason: keyof typeof REASONS | null;
  expected: null | { resource: 'service' | 'task'; cause: string; explainedBy: string[] };
};

const CASES: Case[] = [
  {
    when: "a service task's role cannot read its secret",
    cluster: 'payments-prod',
    group: 'service:payments-ledger',
    taskDefinitionArn: fleetTaskDefinition('payments-ledger', 23),
    stopCode: FAILED,
    reason: 'iamDenied',
    expected: {
      resource: 'service',
      cause: 'iam',
      explainedBy: ['ExecutionRoleCannotReadSecret'],
    },
  },
  {
    when: "a service task's subnet has no route out",
    cluster: 'batch-prod',
    group: 'service:batch-export',
    taskDefinitionArn: null,
    stopCode: FAILED,
    reason: 'networkTimeout',
    expected: { resource: 'service', cause: 'network', explainedBy: ['NoNetworkPath'] },
  },
  {
    when: 'a standalone task reads a secret pending deletion',
    cluster: 'batch-prod',
    group: 'family:batch-mailer',
    taskDefinitionArn: fleetTaskDefinition('batch-mailer', 40),
    stopCode: FAILED,
    reason: 'markedForDeletion',
    expected: {
      resource: 'task',
      cause: 'secretMissing',
      explainedBy: ['SecretPendingDeletion'],
    },
  },
  {
    when: 'nothing in the snapshot explains the failure',
    cluster: 'payments-prod',
    group: 'service:payments-api',
    taskDefinitionArn: null,
    stopCode: FAILED,
    reason: 'iamDenied',
    expected: { resource: 'service', cause: 'iam', explainedBy: [] },
  },
  {
    when: 'the snapshot holds neither service nor task definition',
    cluster: 'payments-prod',
    group: 'family:unknown',
    taskDefinitionArn: fleetTaskDefinition('unknown', 1),
    stopCode: FAILED,
    reason: 'iamDenied',
    expected: { resource: 'task', cause: 'iam', explainedBy: [] },
  },
  {
    when: 'the image could not be pulled',
    cluster: 'payments-prod',
    group: 'service:payments-ledger',
    taskDefinitionArn: null,
    stopCode: FAILED,
    reason: 'imagePull',
    expected: null,
  },
  {
    when: 'an essential container exited',
    cluster: 'payments-prod',
    group: 'service:payments-ledger',
    taskDefinitionArn: null,
    stopCode: 'EssentialContainerExited',
    reason: 'essentialExited',
    expected: null,
  },
  {
    when: 'the stop has a secrets reason but another stop code',
    cluster: 'payments-prod',
    group: 'service:payments-ledger',
    taskDefinitionArn: null,
    stopCode: 'UserInitiated',
    reason: 'iamDenied',
    expected: null,
  },
  {
    when: 'the stop has no reason',
    cluster: 'payments-prod',
    group: 'service:payments-ledger',
    taskDefinitionArn: null,
    stopCode: FAILED,
    reason: null,
    expected: null,
  },
];

describe('task-start', () => {
  it.each(CASES)('reports TaskStartFailed as expected when $when', (spec) => {
    const snapshot = fleet();
    const now = fleetNow(snapshot);
    const trigger = taskStopped(now, {
      cluster: spec.cluster,
      id: TASK_ID,
      group: spec.group,
      taskDefinitionArn: spec.taskDefinitionArn,
      stopCode: spec.stopCode,
      stoppedReason: spec.reason === null ? null : (REASONS[spec.reason] ?? null),
    });

    const plan = planWithDrift(snapshot, trigger, DEFAULT_POLICY, now);

    const started = plan.findings.filter((f) => f.code === 'TaskStartFailed');
    if (spec.expected === null) {
      expect(started).toEqual([]);
      return;
    }
    const taskArn = trigger.kind === 'taskStopped' ? trigger.taskArn : '';
    const name = spec.group?.replace(/^service:/, '') ?? '';
    const resourceArn =
      spec.expected.resource === 'service' ? fleetService(spec.cluster, name) : taskArn;
    expect(started).toEqual([
      expect.objectContaining({
        severity: 'high',
        resourceArn,
        evidence: expect.objectContaining({
          taskArn,
          cause: spec.expected.cause,
          stopCode: FAILED,
          explainedBy: spec.expected.explainedBy,
        }),
      }),
    ]);
    expect(started[0]?.evidence.fragment).toEqual(expect.any(String));
    for (const code of spec.expected.explainedBy) {
      expect(
        plan.findings.some((f) => f.code === code && f.resourceArn === resourceArn),
      ).toBe(true);
    }
  });

  it('reports nothing for triggers other than a stopped task', () => {
    const snapshot = fleet();
    const now = fleetNow(snapshot);

    const findings = taskStartFindings(
      snapshot,
      resyncAt(now),
      DEFAULT_POLICY,
      driftChecks({ now }),
    );

    expect(findings).toEqual([]);
  });

  it('names the secret the reason names when the consumer references it', () => {
    const snapshot = fleet();
    const now = fleetNow(snapshot);
    const trigger = taskStopped(now, {
      cluster: 'payments-prod',
      id: TASK_ID,
      group: 'service:payments-ledger',
      taskDefinitionArn: null,
      stopCode: FAILED,
      stoppedReason: REASONS.iamDenied ?? null,
    });

    const [finding] = taskStartFindings(
      snapshot,
      trigger,
      DEFAULT_POLICY,
      driftChecks({ now }),
    );

    expect(finding?.secretArn).toMatch(/:secret:prod\/payments\/db-Tq3Zp8$/);
  });
});
