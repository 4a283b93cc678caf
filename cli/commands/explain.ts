import { type Command, Option } from 'commander';
import { serviceConsumer } from '../../lib/decide/checks.js';
import { DEFAULT_POLICY } from '../../lib/decide/policy.js';
import { explainConsumer } from '../../lib/drift/index.js';
import { observe } from '../../lib/observe/observe.js';
import { scopeForTrigger } from '../../lib/observe/scope.js';
import { collectReferences } from '../../lib/refs/index.js';
import { loadSnapshotFile, parseSnapshot } from '../../lib/snapshot/index.js';
import type { Snapshot } from '../../lib/snapshot/types.js';
import { cliClients } from '../clients.js';
import { paint } from '../format/colour.js';
import { renderExplanation } from '../format/explain.js';
import { namesOf } from '../format/names.js';
import { type CommandContext, type Io, wantsColour } from '../io.js';
import { stderrLog } from '../log.js';
import { targetOf } from '../target.js';
import { findService } from './explain-target.js';
import { resyncTrigger } from './plan-input.js';

type ExplainOptions = {
  snapshot?: string;
  cluster?: string;
  region?: string;
  endpointUrl?: string;
  format: 'table' | 'json';
};

/** Reads the account now, limited to the cluster when one is named. */
async function observeLive(options: ExplainOptions, io: Io): Promise<Snapshot> {
  const target = targetOf(options, io.env);
  const trigger = resyncTrigger({ account: null, region: target.region }, new Date(), {
    clusters: options.cluster === undefined ? [] : [options.cluster],
  });
  const clients = cliClients(target, io.env);
  const document = await observe(clients, scopeForTrigger(trigger, { clusters: [] }), {
    log: stderrLog(io),
  });
  return parseSnapshot(document, `observation of ${target.region}`);
}

async function runExplain(
  wanted: string,
  options: ExplainOptions,
  { io }: CommandContext,
): Promise<void> {
  const snapshot =
    options.snapshot === undefined
      ? await observeLive(options, io)
      : await loadSnapshotFile(options.snapshot);
  const service = findService(snapshot, wanted, options.cluster);
  const taskDefinition = snapshot.taskDefinitions.find(
    (td) => td.taskDefinitionArn === service.taskDefinition,
  );
  const collected = collectReferences(snapshot, service, taskDefinition);
  const explanation = explainConsumer(
    snapshot,
    serviceConsumer(service, taskDefinition),
    collected.references,
    collected.findings,
    DEFAULT_POLICY,
    { now: new Date(snapshot.capturedAt) },
  );

  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(explanation, null, 2)}\n`);
    return;
  }
  const source =
    options.snapshot ??
    `observed ${snapshot.capturedAt} in ${snapshot.account}/${snapshot.region}`;
  const context = { names: namesOf(snapshot), paint: paint(wantsColour(io)), source };
  io.stdout.write(renderExplanation(explanation, context));
}

/** Adds `explain`: why one service's next task could or could not fetch its secrets. */
export function registerExplain(program: Command, context: CommandContext): void {
  program
    .command('explain')
    .description(
      "Explain one service's chain: task definition, each reference, its secret and " +
        'version, role and KMS decisions with the deciding statements, and the network ' +
        'path per subnet. Reads a snapshot, or the account when --snapshot is left out.',
    )
    .argument('<service>', 'service name or ARN')
    .option('--snapshot <file>', 'snapshot document (JSON, schema version 1)')
    .option(
      '--cluster <cluster>',
      'cluster name or ARN, when names repeat across clusters',
    )
    .option('--region <region>', 'AWS region for a live read (default: AWS_REGION)')
    .option('--endpoint-url <url>', 'AWS endpoint override for a live read')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['table', 'json'])
        .default('table'),
    )
    .action(async (wanted: string, options: ExplainOptions) =>
      runExplain(wanted, options, context),
    );
}
