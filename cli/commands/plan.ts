import { type Command, Option } from 'commander';
import type { Severity } from '../../lib/plan/vocabulary.js';
import { loadSnapshotFile } from '../../lib/snapshot/index.js';
import { paint } from '../format/colour.js';
import { namesOf } from '../format/names.js';
import { renderTable } from '../format/table.js';
import { type CommandContext, wantsColour } from '../io.js';
import { checkFailOn, failOnOption } from './fail-on.js';
import { parseNow, planOffline } from './plan-input.js';

type PlanOptions = {
  snapshot: string;
  event?: string;
  format: 'table' | 'json';
  now?: Date;
  failOn?: Severity;
};

async function runPlan(options: PlanOptions, { io }: CommandContext): Promise<void> {
  const snapshot = await loadSnapshotFile(options.snapshot);
  // An offline plan is made as of the moment the snapshot was captured.
  const now = options.now ?? new Date(snapshot.capturedAt);
  const { plan: result, notes } = await planOffline(
    snapshot,
    { event: options.event, now, source: `snapshot ${options.snapshot}` },
    (warning) => io.stderr.write(`warning: ${warning}\n`),
  );

  if (options.format === 'json') {
    // JSON output stays a bare plan on stdout; why an event asks for nothing goes to stderr.
    for (const note of notes) io.stderr.write(`${note}\n`);
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    checkFailOn(result.findings, options.failOn);
    return;
  }
  const context = {
    names: namesOf(snapshot),
    paint: paint(wantsColour(io)),
    source: options.snapshot,
    capturedAt: snapshot.capturedAt,
    notes,
  };
  io.stdout.write(renderTable(result, context));
  checkFailOn(result.findings, options.failOn);
}

/** Adds `plan`: what the controller would do for a snapshot and an optional event. */
export function registerPlan(program: Command, context: CommandContext): void {
  program
    .command('plan')
    .description(
      'Plan offline from a snapshot: which services would be redeployed, signalled, ' +
        'blocked or skipped, and why. Without --event, plans a full resync.',
    )
    .requiredOption('--snapshot <file>', 'snapshot document (JSON, schema version 1)')
    .option('--event <file>', 'EventBridge event or manual payload to plan for')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['table', 'json'])
        .default('table'),
    )
    .option(
      '--now <iso>',
      'decision time (ISO-8601); defaults to the snapshot capturedAt',
      parseNow,
    )
    .addOption(failOnOption())
    .action(async (options: PlanOptions) => runPlan(options, context));
}
