import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { PlanSchema } from '../../../lib/plan/schema.js';
import { listEventFixtures } from '../../support/fixtures.js';
import { run } from './run.js';

const FLEET = 'examples/fleet.json';
const BAD_SNAPSHOT = 'test/fixtures/cli/bad-snapshot.json';
const NOT_AN_EVENT = 'test/fixtures/cli/not-an-event.json';
const ESC = '\u001b[';

function parsePlan(stdout: string) {
  return PlanSchema.parse(JSON.parse(stdout));
}

function withoutGeneratedAt(stdout: string) {
  const { generatedAt: _generatedAt, ...rest } = parsePlan(stdout);
  return rest;
}

describe('plan', () => {
  it('prints a plan that matches the schema when given the example fleet', async () => {
    const result = await run(['plan', '--snapshot', FLEET, '--format', 'json']);

    expect(result).toMatchObject({ code: 0, stderr: '' });
    const plan = parsePlan(result.stdout);
    expect(plan.trigger).toMatchObject({ kind: 'resync', source: 'manual' });
    expect(plan.actions.length).toBeGreaterThan(0);
    expect(plan.references.length).toBeGreaterThan(0);
  });

  it('prints the same plan twice for the same snapshot', async () => {
    const argv = ['plan', '--snapshot', FLEET, '--format', 'json'];

    const [first, second] = [await run(argv), await run(argv)];

    expect(withoutGeneratedAt(second.stdout)).toEqual(withoutGeneratedAt(first.stdout));
  });

  it('takes the decision time from --now when given', async () => {
    const now = '2030-01-01T00:00:00.000Z';
    const result = await run([
      'plan',
      '--snapshot',
      FLEET,
      '--format',
      'json',
      '--now',
      now,
    ]);

    expect(parsePlan(result.stdout).generatedAt).toBe(now);
  });

  it.each(listEventFixtures())('plans for the fixture event %s', async (fixture) => {
    const argv = [
      'plan',
      '--snapshot',
      FLEET,
      '--event',
      `events/${fixture}`,
      '--format',
      'json',
    ];

    const first = await run(argv);
    const second = await run(argv);

    expect(first.code).toBe(0);
    expect(withoutGeneratedAt(second.stdout)).toEqual(withoutGeneratedAt(first.stdout));
  });

  it('prints why and an empty plan when the event asks for nothing', async () => {
    const event = 'events/secretsmanager/put-secret-value-pending.json';
    const json = await run([
      'plan',
      '--snapshot',
      FLEET,
      '--event',
      event,
      '--format',
      'json',
    ]);
    const table = await run(['plan', '--snapshot', FLEET, '--event', event]);

    expect(json.code).toBe(0);
    expect(parsePlan(json.stdout)).toMatchObject({
      trigger: { kind: 'secretChanged', ignored: { reason: 'PendingOnly' } },
      references: [],
      actions: [],
      findings: [],
    });
    expect(json.stderr).toContain(`event ${event} asks for nothing (PendingOnly)`);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('asks for nothing (PendingOnly)');
    expect(table.stdout).toContain('No actions.');
  });

  it('warns on stderr when a manual scope names what the snapshot does not hold', async () => {
    const result = await run([
      'plan',
      '--snapshot',
      FLEET,
      '--event',
      'test/fixtures/cli/resync-unknown-scope.json',
    ]);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'warning: the scope names cluster staging, which snapshot examples/fleet.json does not hold',
    );
    expect(result.stderr).toContain(
      'warning: the scope names secret prod/nowhere, which snapshot examples/fleet.json does not hold',
    );
    expect(result.stderr.match(/^warning:/gm)).toHaveLength(2);
  });

  it('prints no warning when the manual scope names what the snapshot holds', async () => {
    const result = await run([
      'plan',
      '--snapshot',
      FLEET,
      '--event',
      'events/manual/resync-scoped.json',
    ]);

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(
      /^Plan for a manual resync of the consumers of secrets prod\/payments\/db, prod\/payments\/stripe in cluster payments-prod at /,
    );
  });

  it('shows actions by type with secret names, then findings worst first', async () => {
    const result = await run(['plan', '--snapshot', FLEET]);

    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^Plan for a manual resync of every service at /);
    const headings = lines.filter((line) =>
      /^(REDEPLOY|SIGNAL|BLOCK|SKIP|FINDINGS) /.test(line),
    );
    const order = ['REDEPLOY', 'SIGNAL', 'BLOCK', 'SKIP', 'FINDINGS'];
    const seen = headings.map((line) => line.split(' ')[0] ?? '');
    expect(seen).toEqual(order.filter((heading) => seen.includes(heading)));
    expect(seen).toContain('REDEPLOY');
    expect(result.stdout).not.toContain('arn:aws:secretsmanager');

    const severities = lines
      .map((line) => /^ {4}(CRITICAL|HIGH|MEDIUM|LOW|INFO) /.exec(line)?.[1])
      .filter((severity) => severity !== undefined);
    expect(severities[0]).toBe('CRITICAL');
  });

  it.each<{ when: string; tty: boolean; env: Record<string, string>; coloured: boolean }>(
    [
      { when: 'stdout is not a terminal', tty: false, env: {}, coloured: false },
      { when: 'stdout is a terminal', tty: true, env: {}, coloured: true },
      { when: 'NO_COLOR is set', tty: true, env: { NO_COLOR: '1' }, coloured: false },
    ],
  )('colours the table only when $when allows', async ({ tty, env, coloured }) => {
    const result = await run(['plan', '--snapshot', FLEET], { tty, env });

    expect(result.stdout.includes(ESC)).toBe(coloured);
  });

  it('never colours JSON', async () => {
    const result = await run(['plan', '--snapshot', FLEET, '--format', 'json'], {
      tty: true,
    });

    expect(result.stdout.includes(ESC)).toBe(false);
  });

  it.each([
    { when: 'no command is given', argv: [] },
    { when: 'the command is unknown', argv: ['explode'] },
    { when: '--snapshot is missing', argv: ['plan'] },
    { when: 'an option is unknown', argv: ['plan', '--snapshot', FLEET, '--colour'] },
    {
      when: '--format is not table or json',
      argv: ['plan', '--snapshot', FLEET, '--format', 'xml'],
    },
    {
      when: '--now is not a time',
      argv: ['plan', '--snapshot', FLEET, '--now', 'yesterday'],
    },
  ])('exits 2 when $when', async ({ argv }) => {
    const result = await run(argv);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toBe('');
  });

  it.each([
    {
      when: 'the snapshot does not match the schema',
      argv: ['--snapshot', BAD_SNAPSHOT],
      says: [BAD_SNAPSHOT, 'services[0].deployments[0].createdAt'],
    },
    {
      when: 'the snapshot file is missing',
      argv: ['--snapshot', 'missing.json'],
      says: ['missing.json', 'ENOENT'],
    },
    {
      when: 'the event file is missing',
      argv: ['--snapshot', FLEET, '--event', 'nope.json'],
      says: ['nope.json', 'ENOENT'],
    },
    {
      when: 'the event file is not JSON',
      argv: ['--snapshot', FLEET, '--event', 'test/fixtures/cli/not-json.json'],
      says: ['test/fixtures/cli/not-json.json', 'invalid JSON'],
    },
    {
      when: 'the event is not one it reads',
      argv: ['--snapshot', FLEET, '--event', NOT_AN_EVENT],
      says: [NOT_AN_EVENT, 'UnknownSource'],
    },
  ])('exits 2 naming the file and why when $when', async ({ argv, says }) => {
    const result = await run(['plan', ...argv]);

    expect(result.code).toBe(2);
    for (const text of says) expect(result.stderr).toContain(text);
  });

  it('exits 0 with usage on --help', async () => {
    const top = await run(['--help']);
    const plan = await run(['plan', '--help']);

    expect(top.code).toBe(0);
    expect(top.stdout).toContain('plan [options]');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('--snapshot <file>');
  });

  it('exits 1 when something unexpected fails', async () => {
    const { main } = await import('../../../cli/main.js');
    let stderr = '';
    const io = {
      stdout: {
        write: () => {
          throw new Error('EPIPE');
        },
      },
      stderr: { write: (text: string) => (stderr += text) },
      env: {},
    };

    expect(await main(['plan', '--snapshot', FLEET], io)).toBe(1);
    expect(stderr).toContain('EPIPE');
  });
});

describe('plan (built bin)', () => {
  const exec = promisify(execFile);

  beforeAll(async () => {
    await exec('npm', ['run', 'build'], { timeout: 120_000 });
  }, 180_000);

  it('prints the JSON plan from the bundled CLI', async () => {
    const { stdout } = await exec('node', [
      'bin/ecs-secret-reconciler.mjs',
      'plan',
      '--snapshot',
      FLEET,
      '--format',
      'json',
    ]);

    expect(parsePlan(stdout).schemaVersion).toBe(1);
  });

  it('exits 2 from the bundled CLI on bad usage', async () => {
    const failure = await exec('node', ['bin/ecs-secret-reconciler.mjs', 'plan']).catch(
      (error: { code: number; stderr: string }) => error,
    );

    expect(failure).toMatchObject({ code: 2 });
  });
});
