import { type Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_POLICY } from '../../lib/decide/policy.js';
import { planWithDrift } from '../../lib/drift/index.js';
import type { Plan } from '../../lib/plan/types.js';
import type { Severity } from '../../lib/plan/vocabulary.js';
import { loadSnapshotFile } from '../../lib/snapshot/index.js';
import { paint } from '../format/colour.js';
import { namesOf } from '../format/names.js';
import { renderTable } from '../format/table.js';
import { type CommandContext, wantsColour } from '../io.js';
import { checkFailOn, failOnOption } from './fail-on.js';
import { type PlanInput, readEventFile, resyncTrigger } from './plan-input.js';
import { scopeWarnings } from './snapshot-scope.js';

type PlanOptions = {
  snapshot: string;
  event?: string;
  format: 'table' | 'json';
  now?: Date;
  failOn?: Severity;
};

/** Parses `--now`: an ISO-8601 time. */
export function parseNow(value: string): Date {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new InvalidArgumentError('expected an ISO-8601 time.');
  return new Date(ms);
}

function emptyPlan(input: Extract<PlanInput, { outcome: 'ignored' }>, now: Date): Plan {
  return {
    schemaVersion: 1,
    generatedAt: now.toISOString(),
    trigger: input.trigger,
    references: [],
    actions: [],
    findings: [],
  };
}

async function runPlan(options: PlanOptions, { io }: CommandContext): Promise<void> {
  const snapshot = await loadSnapshotFile(options.snapshot);
  // An offline plan is made as of the moment the snapshot was captured.
  const now = options.now ?? new Date(snapshot.capturedAt);
  const input: PlanInput =
    options.event === undefined
      ? { outcome: 'trigger', trigger: resyncTrigger(snapshot, now) }
      : await readEventFile(options.event, now);

  const notes: string[] = [];
  let result: Plan;
  if (input.outcome === 'ignored') {
    const why = `event ${options.event} asks for nothing (${input.reason}): ${input.message}`;
    // JSON output stays a bare plan on stdout; the explanation goes to stderr.
    if (options.format === 'json') io.stderr.write(`${why}\n`);
    notes.push(why);
    result = emptyPlan(input, now);
  } else {
    const source = `snapshot ${options.snapshot}`;
    for (const warning of scopeWarnings(snapshot, input.trigger, source)) {
      io.stderr.write(`warning: ${warning}\n`);
    }
    result = planWithDrift(snapshot, input.trigger, DEFAULT_POLICY, now);
  }

  if (options.format === 'json') {
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
