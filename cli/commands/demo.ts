import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Command, Option } from 'commander';
import { DemoError } from '../demo/errors.js';
import { renderSummary } from '../demo/render.js';
import { DEMO_RESOURCES, runScenario } from '../demo/scenario.js';
import { type Emulator, startEmulator } from '../emulator/moto.js';
import { paint } from '../format/colour.js';
import { type CommandContext, wantsColour } from '../io.js';

type DemoOptions = { json?: boolean; keep?: boolean; logs?: boolean };

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/** The project root (fixtures, setup script): the nearest folder with our package.json. */
function projectRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'ecs-secret-reconciler') return folder;
    }
    const parent = dirname(folder);
    if (parent === folder) throw new DemoError('cannot find the project root');
    folder = parent;
  }
}

function keepHint(endpoint: string): string {
  return [
    '',
    `The emulator keeps running at ${endpoint} until you press Ctrl-C. In another shell:`,
    `  export AWS_ENDPOINT_URL=${endpoint} RECORDS_TABLE=${DEMO_RESOURCES.recordsTable} EVENT_BUS_NAME=${DEMO_RESOURCES.eventBus}`,
    '  npx ecs-secret-reconciler snapshot --output fleet.json',
    '  npx ecs-secret-reconciler plan --snapshot fleet.json',
    '  npx ecs-secret-reconciler explain demo-legacy',
    '  npx ecs-secret-reconciler apply --dry-run',
    '',
  ].join('\n');
}

async function runDemo(options: DemoOptions, { io }: CommandContext): Promise<void> {
  const started = Date.now();
  const progress = (line: string) => {
    const elapsed = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
    io.stderr.write(`[${elapsed}s] ${line}\n`);
  };
  const root = projectRoot();

  // Ctrl-C or a TERM stops the emulator before the process ends; while
  // --keep waits, that is the expected way out and ends with success.
  let emulator: Emulator | undefined;
  let waiting = false;
  const onSignal = (signal: NodeJS.Signals) => {
    io.stderr.write(`\n${signal}: stopping the emulator\n`);
    const stopped = emulator?.stop() ?? Promise.resolve();
    void stopped.finally(() => process.exit(waiting ? 0 : (SIGNAL_EXIT[signal] ?? 1)));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    // moto's services never start tasks, so every deployment would stay
    // IN_PROGRESS and spend the rollout budget; report them as running their
    // desired count, as a healthy fleet does.
    process.env.MOTO_ECS_SERVICE_RUNNING = '1';
    progress('Starting the local AWS emulator (moto; installed into .venv on first use)');
    emulator = await startEmulator({ root });
    progress(`Emulator ready at ${emulator.endpoint}`);

    const summary = await runScenario({
      root,
      endpoint: emulator.endpoint,
      logLevel: options.logs ? 'INFO' : 'SILENT',
      progress,
    });
    io.stdout.write(
      options.json
        ? `${JSON.stringify(summary, null, 2)}\n`
        : renderSummary(summary, paint(wantsColour(io))),
    );

    if (options.keep) {
      io.stderr.write(keepHint(emulator.endpoint));
      waiting = true;
      // The signal handler ends the process.
      await new Promise(() => setInterval(() => {}, 60_000));
    }
    if (!summary.ok) {
      const failed = summary.checks.filter((check) => !check.passed);
      throw new DemoError(
        `the demo did not go as expected: ${failed.map((c) => c.name).join('; ')}`,
      );
    }
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await emulator?.stop();
  }
}

/** Adds `demo`: the controller end to end on a local emulator. */
export function registerDemo(program: Command, context: CommandContext): void {
  program
    .command('demo')
    .description(
      'Run the controller end to end on a local AWS emulator (moto): seed a fleet, ' +
        'rotate a secret, deliver the event to the real Lambda handler, and show ' +
        'what was redeployed, skipped, signalled and blocked.',
    )
    .option('--json', 'print a machine-readable summary instead of the report')
    .option('--keep', 'leave the emulator running (until Ctrl-C) to explore it')
    .addOption(
      // The handlers log to stdout, as on Lambda, which would break the JSON summary.
      new Option(
        '--logs',
        "print the handlers' JSON logs (Powertools, on stdout)",
      ).conflicts('json'),
    )
    .action(async (options: DemoOptions) => runDemo(options, context));
}
