import { type Command, Option } from 'commander';
import { serviceConsumer } from '../../lib/decide/checks.js';
import { DEFAULT_POLICY } from '../../lib/decide/policy.js';
import { explainConsumer } from '../../lib/drift/index.js';
import { collectReferences } from '../../lib/refs/index.js';
import { loadSnapshotFile, parseSnapshot } from '../../lib/snapshot/index.js';
import type { Snapshot } from '../../lib/snapshot/types.js';
import { InputError } from '../errors.js';
import { paint } from '../format/colour.js';
import { renderExplanation } from '../format/explain.js';
import { namesOf } from '../format/names.js';
import { type CommandContext, type Io, wantsColour } from '../io.js';
import { ENDPOINT_DEFAULT, REGION_DEFAULT } from '../target.js';
import { captureAccount } from './capture.js';
import { explainDocument } from './explain-document.js';
import { findService } from './explain-target.js';
import { parseNow, planOffline } from './plan-input.js';
import { heldClusters, holdsCluster } from './snapshot-scope.js';

type ExplainOptions = {
  snapshot?: string;
  cluster?: string;
  event?: string;
  now?: Date;
  region?: string;
  endpointUrl?: string;
  recordsTable?: string;
  format: 'table' | 'json';
};

/** Reads the account now, as `snapshot` would, limited to the cluster when one is named. */
async function observeLive(options: ExplainOptions, io: Io): Promise<Snapshot> {
  const document = await captureAccount(
    {
      region: options.region,
      endpointUrl: options.endpointUrl,
      clusters: options.cluster === undefined ? [] : [options.cluster],
      secrets: [],
      recordsTable: options.recordsTable,
    },
    io,
  );
  return parseSnapshot(document, `observation of ${document.region}`);
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
  const source =
    options.snapshot === undefined
      ? `the observation of ${snapshot.account}/${snapshot.region}`
      : `snapshot ${options.snapshot}`;
  if (options.cluster !== undefined && !holdsCluster(snapshot, options.cluster)) {
    throw new InputError(
      `cluster ${options.cluster} is not in ${source} ${heldClusters(snapshot)}`,
    );
  }
  const service = findService(snapshot, wanted, options.cluster);
  // Like an offline plan, the explanation is made as of the capture unless told.
  const now = options.now ?? new Date(snapshot.capturedAt);
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
    { now },
  );
  const offline = await planOffline(
    snapshot,
    { event: options.event, now, source },
    (warning) => io.stderr.write(`warning: ${warning}\n`),
  );
  const document = explainDocument(snapshot, service, explanation, offline, now);

  if (options.format === 'json') {
    for (const note of offline.notes) io.stderr.write(`${note}\n`);
    io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    return;
  }
  const context = {
    names: namesOf(snapshot),
    paint: paint(wantsColour(io)),
    source: options.snapshot ?? `observed in ${snapshot.account}/${snapshot.region}`,
    capturedAt: snapshot.capturedAt,
    notes: offline.notes,
  };
  io.stdout.write(renderExplanation(document, context));
}

/** Adds `explain`: why one service's next task could or could not fetch its secrets. */
export function registerExplain(program: Command, context: CommandContext): void {
  program
    .command('explain')
    .description(
      "Explain one service's chain: task definition, each reference, its secret and " +
        'version, role and KMS decisions with the deciding statements, and the network ' +
        'path per subnet; then the action and findings plan gives it for the same ' +
        'snapshot and event. Reads a snapshot, or the account when --snapshot is left out.',
    )
    .argument('<service>', 'service name or ARN')
    .option('--snapshot <file>', 'snapshot document (JSON, schema version 1)')
    .option(
      '--cluster <cluster>',
      'cluster name or ARN, when names repeat across clusters',
    )
    .option(
      '--event <file>',
      'EventBridge event or manual payload whose plan decides the action (default: a full resync)',
    )
    .option(
      '--now <iso>',
      'decision time (ISO-8601); defaults to the snapshot capturedAt',
      parseNow,
    )
    .option('--region <region>', `AWS region for a live read (${REGION_DEFAULT})`)
    .option(
      '--endpoint-url <url>',
      `AWS endpoint override for a live read (${ENDPOINT_DEFAULT})`,
    )
    .option(
      '--records-table <name>',
      "the controller's label records for a live read (default: RECORDS_TABLE)",
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['table', 'json'])
        .default('table'),
    )
    .action(async (wanted: string, options: ExplainOptions) =>
      runExplain(wanted, options, context),
    );
}
