import { describe, expect, it } from 'vitest';
import { run } from './run.js';

const FLEET = 'examples/fleet.json';

function explainJson(stdout: string) {
  return JSON.parse(stdout) as {
    consumer: { arn: string };
    references: {
      secret: { name: string; stage: string | null; versionId: string | null } | null;
      decisions: { purpose: string; result: string; via: string | null }[];
    }[];
    network: { subnetId: string; service: string; kind: string; endpointId?: string }[];
    findings: { code: string }[];
    trigger: { kind: string };
    inScope: boolean;
    action: { type: string; reason: string } | null;
    findingsFrom: 'plan' | 'drift';
  };
}

describe('explain', () => {
  it('prints the chain from task definition to network when given a service name', async () => {
    const result = await run(['explain', 'payments-ledger', '--snapshot', FLEET]);

    expect(result).toMatchObject({ code: 0, stderr: '' });
    const order = [
      'DECISION',
      'TASK DEFINITION',
      'REFERENCES (1)',
      'NETWORK',
      'FINDINGS (2)',
    ];
    const positions = order.map((heading) => result.stdout.indexOf(heading));
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(result.stdout).toContain('follows AWSCURRENT -> 06ae02cf');
    expect(result.stdout).toContain('DENY (no allow) secretsmanager:GetSecretValue');
    expect(result.stdout).toContain('ALLOW kms:Decrypt');
    expect(result.stdout).toMatch(/deciding: identity policy \S+, statement "/);
    expect(result.stdout).toContain('-> secretsmanager: endpoint vpce-');
    expect(result.stdout).toContain('ExecutionRoleCannotReadSecret');
    expect(result.stdout).toContain('BLOCK  PreflightFailed  secrets prod/payments/db');
    expect(result.stdout).toContain(
      'moved at 2025-06-01T03:00:05.000Z (reported by an event)',
    );
  });

  it('prints the same chain as JSON when given an ARN and --format json', async () => {
    const arn =
      'arn:aws:ecs:us-east-1:111122223333:service/payments-prod/payments-ledger';
    const result = await run(['explain', arn, '--snapshot', FLEET, '--format', 'json']);

    expect(result.code).toBe(0);
    const explanation = explainJson(result.stdout);
    expect(explanation.consumer.arn).toBe(arn);
    expect(explanation.references[0]?.secret).toMatchObject({
      name: 'prod/payments/db',
      stage: 'AWSCURRENT',
    });
    expect(explanation.references[0]?.decisions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ purpose: 'readSecret', result: 'implicitDeny' }),
        expect.objectContaining({ purpose: 'decrypt', result: 'allowed' }),
      ]),
    );
    expect(explanation.network.every((path) => path.kind === 'endpoint')).toBe(true);
    expect(explanation.action).toMatchObject({
      type: 'block',
      reason: 'PreflightFailed',
    });
    expect(explanation.findings.map((f) => f.code)).toEqual([
      'ExecutionRoleCannotReadSecret',
      'StaleTasksRunning',
    ]);
  });

  it.each([
    { service: 'payments-api', kind: 'endpoint', codes: [] },
    { service: 'web-auth', kind: 'nat', codes: ['PublicNetworkPath'] },
    { service: 'web-frontend', kind: 'internet', codes: ['PublicNetworkPath'] },
    { service: 'batch-export', kind: 'none', codes: ['NoNetworkPath'] },
  ])(
    'reaches Secrets Manager through $kind from every subnet of $service',
    async ({ service, kind, codes }) => {
      const result = await run([
        'explain',
        service,
        '--snapshot',
        FLEET,
        '--format',
        'json',
      ]);

      const document = explainJson(result.stdout);
      const paths = document.network.filter((path) => path.service === 'secretsmanager');
      expect(paths.length).toBeGreaterThan(0);
      expect(new Set(paths.map((path) => path.kind))).toEqual(new Set([kind]));
      const network = document.findings
        .map((finding) => finding.code)
        .filter((code) => code === 'PublicNetworkPath' || code === 'NoNetworkPath');
      expect([...new Set(network)]).toEqual(codes);
    },
  );

  it('shows a subnet without a route out when the service is isolated', async () => {
    const result = await run(['explain', 'batch-export', '--snapshot', FLEET]);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/subnet-\w+ -> secretsmanager: none/);
    expect(result.stdout).toContain('reason: noDefaultRoute');
    expect(result.stdout).not.toContain(': null');
    expect(result.stdout).toContain('NoNetworkPath');
  });

  it.each([
    {
      when: 'the name is misspelt',
      argv: ['explain', 'payments-ledgr', '--snapshot', FLEET],
      message: /no service payments-ledgr; did you mean payments-ledger/,
    },
    {
      when: 'the service is not in the named cluster',
      argv: ['explain', 'payments-ledger', '--snapshot', FLEET, '--cluster', 'web-prod'],
      message:
        /no service payments-ledger in cluster web-prod; it is in cluster payments-prod$/m,
    },
    {
      when: 'no service name is given',
      argv: ['explain', '--snapshot', FLEET],
      message: /missing required argument/,
    },
  ])('exits 2 with a clear message when $when', async ({ argv, message }) => {
    const result = await run(argv);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('exits 2 naming the clusters the snapshot holds when --cluster is unknown', async () => {
    const result = await run([
      'explain',
      'payments-ledger',
      '--snapshot',
      FLEET,
      '--cluster',
      'nope',
    ]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'cluster nope is not in snapshot examples/fleet.json (it holds batch-prod, payments-prod, web-prod)',
    );
  });

  it.each([
    {
      when: 'the event moves a secret the service follows',
      service: 'payments-ledger',
      event: 'events/secretsmanager/secret-label-updated.json',
      trigger: 'secretChanged',
      inScope: true,
      action: { type: 'block', reason: 'PreflightFailed' },
      findings: {
        from: 'plan',
        codes: ['ExecutionRoleCannotReadSecret', 'StaleTasksRunning'],
      },
      says: 'BLOCK  PreflightFailed',
    },
    {
      when: 'the event moves a secret the service does not reference',
      service: 'web-auth',
      event: 'events/secretsmanager/secret-label-updated.json',
      trigger: 'secretChanged',
      inScope: false,
      action: null,
      findings: { from: 'drift', codes: ['PublicNetworkPath'] },
      says: 'No action: the trigger does not concern this service.',
    },
    {
      when: 'the event moves a secret of others and the service has drift',
      service: 'batch-export',
      event: 'events/secretsmanager/secret-label-updated.json',
      trigger: 'secretChanged',
      inScope: false,
      action: null,
      findings: { from: 'drift', codes: ['NoNetworkPath'] },
      says: 'FINDINGS (1) from the drift checks alone',
    },
    {
      when: 'the event asks for nothing',
      service: 'payments-api',
      event: 'events/secretsmanager/put-secret-value-pending.json',
      trigger: 'secretChanged',
      inScope: false,
      action: null,
      findings: { from: 'drift', codes: [] },
      says: 'No action: the event asks for nothing.',
    },
  ])(
    'reports the decision of the plan for --event when $when',
    async ({ service, event, trigger, inScope, action, findings, says }) => {
      const argv = ['explain', service, '--snapshot', FLEET, '--event', event];

      const json = await run([...argv, '--format', 'json']);
      const table = await run(argv);

      expect(json.code).toBe(0);
      const document = explainJson(json.stdout);
      expect(document.trigger.kind).toBe(trigger);
      expect(document.inScope).toBe(inScope);
      expect(document.action).toEqual(
        action === null ? null : expect.objectContaining(action),
      );
      expect(document.findingsFrom).toBe(findings.from);
      expect(document.findings.map((finding) => finding.code)).toEqual(findings.codes);
      expect(table.code).toBe(0);
      expect(table.stdout).toContain(says);
    },
  );

  it('finds the service in the named cluster when --cluster is given', async () => {
    const result = await run([
      'explain',
      'web-auth',
      '--snapshot',
      FLEET,
      '--cluster',
      'web-prod',
      '--format',
      'json',
    ]);

    expect(result.code).toBe(0);
    expect(explainJson(result.stdout).consumer.arn).toMatch(
      /service\/web-prod\/web-auth$/,
    );
  });
});
