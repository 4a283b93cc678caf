import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Actions that read a secret value, directly or through a parameter or a key. */
const SECRET_READS = [
  'secretsmanager:GetSecretValue',
  'secretsmanager:BatchGetSecretValue',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'kms:Decrypt',
];

type Statement = {
  Sid?: string;
  Effect: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: unknown;
};
type Resource = { Type: string; Properties: Record<string, unknown> };
type Template = { Resources: Record<string, Resource> };

let dir: string;
let template: Template;

function listOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function actionMatches(pattern: string, action: string): boolean {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  const regex = new RegExp(`^${escaped.replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return regex.test(action);
}

function roleStatements(): { role: string; statement: Statement }[] {
  const found: { role: string; statement: Statement }[] = [];
  for (const [name, resource] of Object.entries(template.Resources)) {
    if (resource.Type !== 'AWS::IAM::Role') continue;
    const policies = (resource.Properties.Policies ?? []) as {
      PolicyDocument: { Statement: Statement[] };
    }[];
    for (const policy of policies) {
      for (const statement of policy.PolicyDocument.Statement) {
        found.push({ role: name, statement });
      }
    }
  }
  return found;
}

describe('serverless package', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'esr-package-'));
    await run('npx', ['osls', 'package', '--stage', 'test', '--package', dir], {
      env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' },
      timeout: 240_000,
    });
    const text = await readFile(
      join(dir, 'cloudformation-template-update-stack.json'),
      'utf8',
    );
    template = JSON.parse(text) as Template;
  }, 300_000);

  it('grants no role any action that reads a secret value', () => {
    const statements = roleStatements();
    const grants = statements.filter(({ statement }) => {
      if (statement.Effect !== 'Allow') return false;
      if (statement.NotAction !== undefined) return true;
      return listOf(statement.Action).some((pattern) =>
        SECRET_READS.some((action) => actionMatches(pattern, action)),
      );
    });

    expect(statements.length).toBeGreaterThan(0);
    expect(grants).toEqual([]);
  });

  it('denies every secret read explicitly in every function role', () => {
    const roles = Object.entries(template.Resources)
      .filter(([, resource]) => resource.Type === 'AWS::IAM::Role')
      .map(([name]) => name)
      .filter((name) => name !== 'IamRoleLambdaExecution');
    const denied = (role: string) =>
      roleStatements()
        .filter((entry) => entry.role === role && entry.statement.Effect === 'Deny')
        .flatMap((entry) => listOf(entry.statement.Action));

    expect(roles).toHaveLength(3);
    for (const role of roles) {
      expect(denied(role)).toEqual(expect.arrayContaining(SECRET_READS));
    }
  });

  it('wires every rule pattern under events/rules into exactly one EventBridge rule', async () => {
    const files = (await readdir('events/rules')).filter((name) =>
      name.endsWith('.json'),
    );
    const patterns = await Promise.all(
      files.map(async (name) =>
        JSON.parse(await readFile(join('events/rules', name), 'utf8')),
      ),
    );
    const rules = Object.values(template.Resources)
      .filter((resource) => resource.Type === 'AWS::Events::Rule')
      .map((resource) => resource.Properties.EventPattern)
      .filter((pattern) => pattern !== undefined);

    expect(rules).toHaveLength(patterns.length);
    for (const pattern of patterns) {
      expect(
        rules.filter((rule) => JSON.stringify(rule) === JSON.stringify(pattern)),
      ).toHaveLength(1);
    }
  });

  it('runs every function on nodejs22.x with an on-failure destination', () => {
    const functions = Object.values(template.Resources).filter(
      (resource) => resource.Type === 'AWS::Lambda::Function',
    );
    const invokeConfigs = Object.values(template.Resources).filter(
      (resource) => resource.Type === 'AWS::Lambda::EventInvokeConfig',
    );

    expect(functions).toHaveLength(3);
    expect(functions.map((fn) => fn.Properties.Runtime)).toEqual(
      Array(3).fill('nodejs22.x'),
    );
    expect(invokeConfigs.map((config) => config.Properties.DestinationConfig)).toEqual(
      Array(3).fill({
        OnFailure: { Destination: { 'Fn::GetAtt': ['FailedEventsQueue', 'Arn'] } },
      }),
    );
  });

  it('attaches no managed policy to any role', () => {
    const roles = Object.values(template.Resources).filter(
      (resource) => resource.Type === 'AWS::IAM::Role',
    );

    expect(roles.length).toBeGreaterThan(0);
    for (const role of roles) {
      expect(role.Properties.ManagedPolicyArns ?? []).toEqual([]);
    }
  });

  it("lets each function's own role send to its on-failure destination", () => {
    const configs = Object.values(template.Resources).filter(
      (resource) => resource.Type === 'AWS::Lambda::EventInvokeConfig',
    );

    expect(configs).toHaveLength(3);
    for (const config of configs) {
      const functionName = (config.Properties.FunctionName as { Ref: string }).Ref;
      const fn = template.Resources[functionName];
      expect(fn, functionName).toBeDefined();
      const role = (
        fn?.Properties.Role as { 'Fn::GetAtt': [string, string] } | undefined
      )?.['Fn::GetAtt'][0];
      const destination = (
        config.Properties.DestinationConfig as {
          OnFailure: { Destination: unknown };
        }
      ).OnFailure.Destination;
      const sends = roleStatements().filter(
        ({ role: name, statement }) =>
          name === role &&
          statement.Effect === 'Allow' &&
          listOf(statement.Action).includes('sqs:SendMessage') &&
          JSON.stringify(statement.Resource) === JSON.stringify(destination),
      );

      expect(sends, `${functionName} (${role})`).toHaveLength(1);
    }
  });

  it('alarms on errors of every function and resyncs every 15 minutes by default', () => {
    const alarm = template.Resources.FunctionErrorsAlarm;
    const metrics = (alarm?.Properties.Metrics ?? []) as {
      MetricStat?: { Metric: { Dimensions: { Value: unknown }[] } };
    }[];
    const watched = metrics.flatMap((metric) =>
      (metric.MetricStat?.Metric.Dimensions ?? []).map((d) => d.Value),
    );
    const functions = Object.entries(template.Resources)
      .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function')
      .map(([name]) => ({ Ref: name }));
    const schedules = Object.values(template.Resources)
      .filter((resource) => resource.Type === 'AWS::Events::Rule')
      .map((resource) => resource.Properties.ScheduleExpression)
      .filter((expression) => expression !== undefined);

    expect(watched).toEqual(expect.arrayContaining(functions));
    expect(watched).toHaveLength(functions.length);
    expect(schedules).toEqual(['rate(15 minutes)']);
  });

  it('passes cfn-lint without errors', async () => {
    const lint = await run('.venv/bin/cfn-lint', [
      '--format',
      'json',
      join(dir, 'cloudformation-template-update-stack.json'),
    ]).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    const matches = JSON.parse(lint.stdout || '[]') as {
      Level: string;
      Rule: { Id: string };
    }[];

    expect(matches.filter((match) => match.Level === 'Error')).toEqual([]);
  });

  it('bundles handlers that load as ES modules on this Node', async () => {
    const out = await mkdtemp(join(tmpdir(), 'esr-bundle-'));
    await run('unzip', ['-q', '-o', join(dir, 'reconcile.zip'), '-d', out]);
    const entry = join(out, 'functions', 'reconcile.mjs');
    const { stdout } = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(entry)}); console.log(typeof m.handler);`,
      ],
      { env: { ...process.env, AWS_REGION: 'us-east-1' } },
    );

    expect(stdout.trim()).toBe('function');
  });
});
