import { type Command, Option } from 'commander';
import { type Config, ConfigError, loadConfig } from '../../lib/config/config.js';
import type { Severity } from '../../lib/plan/vocabulary.js';
import { createReconcileRunner } from '../../lib/reconcile/index.js';
import { cliClients } from '../clients.js';
import { CommandFailedError, InputError } from '../errors.js';
import { paint } from '../format/colour.js';
import { namesOf } from '../format/names.js';
import { renderOutcomes } from '../format/outcomes.js';
import { renderTable } from '../format/table.js';
import { type CommandContext, type Io, terminalProgress, wantsColour } from '../io.js';
import { stderrLog } from '../log.js';
import { ENDPOINT_DEFAULT, REGION_DEFAULT, targetOf } from '../target.js';
import { checkFailOn, failOnOption } from './fail-on.js';
import { readEventFile, resyncTrigger } from './plan-input.js';

type ApplyOptions = {
  event?: string;
  dryRun?: boolean;
  region?: string;
  endpointUrl?: string;
  mode?: 'observe' | 'enforce';
  format: 'table' | 'json';
  failOn?: Severity;
};

/** Some actions failed: the plan was carried out only in part (exit code 1). */
export class ApplyFailedError extends CommandFailedError {
  override readonly name = 'ApplyFailedError';
}

function configOf(options: ApplyOptions, io: Io): Config {
  const target = targetOf(options, io.env);
  try {
    return loadConfig({
      ...io.env,
      ...(options.mode ? { RECONCILER_MODE: options.mode } : {}),
      AWS_REGION: target.region,
      ...(target.endpoint ? { AWS_ENDPOINT_URL: target.endpoint } : {}),
    });
  } catch (error) {
    if (error instanceof ConfigError)
      throw new InputError(error.message, { cause: error });
    throw error;
  }
}

async function runApply(options: ApplyOptions, { io }: CommandContext): Promise<void> {
  const config = configOf(options, io);
  const now = new Date();
  const input =
    options.event === undefined
      ? {
          outcome: 'trigger' as const,
          trigger: resyncTrigger({ account: null, region: config.region }, now),
        }
      : await readEventFile(options.event, now);
  if (input.outcome === 'ignored') {
    io.stderr.write(
      `event ${options.event} asks for nothing (${input.reason}): ${input.message}\n`,
    );
    return;
  }

  const clients = cliClients(
    { region: config.region, endpoint: config.endpoint },
    io.env,
  );
  const progress = terminalProgress(io);
  const run = createReconcileRunner(
    clients,
    config,
    stderrLog(io),
    progress ? { progress } : {},
  );
  const { report, snapshot } = await run(input.trigger, {
    dryRun: options.dryRun === true,
  });

  if (options.format === 'json') {
    const document = options.dryRun ? report.plan : report;
    io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    const context = { names: namesOf(snapshot), paint: paint(wantsColour(io)) };
    const source = `observed ${snapshot.capturedAt} in ${snapshot.account}/${snapshot.region}`;
    const notes = options.dryRun
      ? ['Dry run: nothing recorded, redeployed or published.']
      : [];
    io.stdout.write(renderTable(report.plan, { ...context, source, notes }));
    if (!options.dryRun) io.stdout.write(`\n${renderOutcomes(report, context)}`);
  }

  const failed = report.outcomes.filter((outcome) => outcome.outcome === 'failed');
  if (failed.length > 0) {
    throw new ApplyFailedError(
      `${failed.length} of ${report.outcomes.length} actions failed in reconcile ` +
        `${report.reconcileId}; see the outcomes` +
        (report.retryable
          ? '; some may pass if apply runs again'
          : '; running apply again will not help'),
    );
  }
  checkFailOn([...report.plan.findings, ...report.findings], options.failOn);
}

/** Adds `apply`: observe the account now, plan, and carry the plan out. */
export function registerApply(program: Command, context: CommandContext): void {
  program
    .command('apply')
    .description(
      'Observe the account, plan, and carry the plan out: redeploy, signal, publish. ' +
        'Without --event, reconciles a full resync. --dry-run plans only.',
    )
    .option('--event <file>', 'EventBridge event or manual payload to reconcile')
    .option('--dry-run', 'plan from a fresh observation and print; change nothing')
    .option('--region <region>', `AWS region (${REGION_DEFAULT})`)
    .option(
      '--endpoint-url <url>',
      `AWS endpoint override, e.g. the local emulator (${ENDPOINT_DEFAULT})`,
    )
    .addOption(
      new Option(
        '--mode <mode>',
        'observe plans and publishes only; enforce acts',
      ).choices(['observe', 'enforce']),
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['table', 'json'])
        .default('table'),
    )
    .addOption(failOnOption())
    .action(async (options: ApplyOptions) => runApply(options, context));
}
