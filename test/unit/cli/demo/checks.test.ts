import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../cli/demo/checks.js';
import type { SeededFleet } from '../../../../cli/demo/seed.js';
import type { DemoService, DemoSummary } from '../../../../cli/demo/summary.js';

type Observed = Omit<DemoSummary, 'ok' | 'checks'>;

const fleet = {
  services: Object.fromEntries(
    ['web', 'worker', 'pinned', 'optedOut', 'notifier', 'unrelated', 'restricted'].map(
      (role) => [role, { name: `demo-${role}` }],
    ),
  ),
} as unknown as SeededFleet;

function finding(
  role: string,
  code: string,
  via: string | null,
): Observed['findings'][number] {
  return {
    code,
    severity: code === 'NoNetworkPath' ? 'critical' : 'medium',
    resource: `demo-${role}`,
    secret: null,
    via,
    store: code.endsWith('NetworkPath') ? 'secretsmanager' : null,
    message: `${code} on demo-${role}`,
  };
}

function service(
  role: DemoService['role'],
  action: DemoService['action'],
  reason: DemoService['reason'],
  changed: boolean,
): DemoService {
  return {
    name: `demo-${role}`,
    role,
    cluster: 'demo-main',
    action,
    reason,
    outcome: action === null ? null : action === 'skip' ? 'skipped' : 'succeeded',
    message: null,
    deployment: {
      before: 'ecs-svc/1',
      after: changed ? 'ecs-svc/2' : 'ecs-svc/1',
      changed,
    },
  };
}

/** A demo run that went as promised. */
function asPromised(): Observed {
  return {
    endpoint: 'http://127.0.0.1:5000',
    durationMs: 1,
    install: { deploymentsStarted: 0, findings: 0 },
    rotation: {
      secret: 'demo/db-password',
      secretArn:
        'arn:aws:secretsmanager:us-east-1:123456789012:secret:demo/db-password-AbCdEf',
      previousVersionId: 'v1',
      versionId: 'v2',
      eventId: 'e1',
      eventTime: '2026-12-03T10:00:00Z',
      eventsPublished: 3,
    },
    services: [
      service('web', 'redeploy', 'SecretVersionChanged', true),
      service('pinned', 'skip', 'VersionPinned', false),
      service('optedOut', 'skip', 'OptedOut', false),
      service('notifier', 'signal', 'SecretVersionChanged', false),
      service('restricted', 'block', 'PreflightFailed', false),
      service('unrelated', null, null, false),
    ],
    signals: [{ service: 'demo-notifier', eventId: 's1', secrets: [] }],
    resync: { deploymentsStarted: 0, signalsSent: 0 },
    findings: [
      finding('unrelated', 'NoNetworkPath', null),
      finding('notifier', 'PublicNetworkPath', 'internet'),
      finding('worker', 'PublicNetworkPath', 'nat'),
      finding('restricted', 'ExecutionRoleCannotReadSecret', null),
    ],
  };
}

const NETWORK =
  'each path to Secrets Manager was told apart: private endpoint, NAT, internet, none';

const RESTRICTED =
  'the service whose role cannot read the secret was blocked (PreflightFailed, ExecutionRoleCannotReadSecret), not redeployed';

const failed = (observed: Observed) =>
  evaluate(fleet, observed)
    .filter((check) => !check.passed)
    .map((check) => check.name);

describe('checks', () => {
  it('passes every check when the run went as promised', () => {
    expect(failed(asPromised())).toEqual([]);
  });

  it.each([
    {
      when: 'the first resync started a deployment',
      change: (o: Observed) => ({
        ...o,
        install: { ...o.install, deploymentsStarted: 1 },
      }),
      check: 'the first resync started no deployment',
    },
    {
      when: 'a redeploy left the deployment id as it was',
      change: (o: Observed) => ({
        ...o,
        services: o.services.map((s) =>
          s.role === 'web'
            ? { ...s, deployment: { ...s.deployment, changed: false } }
            : s,
        ),
      }),
      check: 'the rotation redeployed its consumers, each with a new deployment id',
    },
    {
      when: 'a service that consumes nothing that moved got a new deployment',
      change: (o: Observed) => ({
        ...o,
        services: o.services.map((s) =>
          s.role === 'unrelated'
            ? { ...s, deployment: { ...s.deployment, changed: true } }
            : s,
        ),
      }),
      check: 'every other service kept its deployment',
    },
    {
      when: 'the pinned service was redeployed',
      change: (o: Observed) => ({
        ...o,
        services: o.services.map((s) =>
          s.role === 'pinned'
            ? service('pinned', 'redeploy', 'SecretVersionChanged', true)
            : s,
        ),
      }),
      check: 'the pinned service was skipped (VersionPinned)',
    },
    {
      when: 'no signal reached the bus',
      change: (o: Observed) => ({ ...o, signals: [] }),
      check: 'the runtime consumer was signalled and the signal reached the bus',
    },
    {
      when: 'the resync sent a signal again',
      change: (o: Observed) => ({
        ...o,
        resync: { deploymentsStarted: 0, signalsSent: 1 },
      }),
      check: 'the resync afterwards started no deployment and sent no signal',
    },
    {
      when: 'the restricted service was skipped instead of blocked',
      change: (o: Observed) => ({
        ...o,
        services: o.services.map((s) =>
          s.role === 'restricted'
            ? service('restricted', 'skip', 'AlreadyCurrent', false)
            : s,
        ),
      }),
      check: RESTRICTED,
    },
    {
      when: 'the restricted service was blocked for another reason than its role',
      change: (o: Observed) => ({
        ...o,
        findings: o.findings.filter((f) => f.resource !== 'demo-restricted'),
      }),
      check: RESTRICTED,
    },
    {
      when: 'the NAT path went unreported',
      change: (o: Observed) => ({
        ...o,
        findings: o.findings.filter((f) => f.resource !== 'demo-worker'),
      }),
      check: NETWORK,
    },
    {
      when: 'the internet path was reported as NAT',
      change: (o: Observed) => ({
        ...o,
        findings: o.findings.map((f) =>
          f.resource === 'demo-notifier' ? { ...f, via: 'nat' } : f,
        ),
      }),
      check: NETWORK,
    },
    {
      when: 'only the path to SSM went through NAT',
      change: (o: Observed) => ({
        ...o,
        findings: o.findings.map((f) =>
          f.resource === 'demo-worker' ? { ...f, store: 'ssm' } : f,
        ),
      }),
      check: NETWORK,
    },
    {
      when: 'the private-endpoint service got a network finding',
      change: (o: Observed) => ({
        ...o,
        findings: [...o.findings, finding('web', 'NoNetworkPath', null)],
      }),
      check: NETWORK,
    },
  ])('fails "$check" when $when', ({ change, check }) => {
    expect(failed(change(asPromised()))).toEqual([check]);
  });
});
