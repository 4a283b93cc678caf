import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { AwsClients } from '../../lib/observe/clients.js';
import { observe } from '../../lib/observe/observe.js';
import { scopeForTrigger } from '../../lib/observe/scope.js';
import { createRecordStore } from '../../lib/records/index.js';
import type { LabelRecord, SnapshotInput } from '../../lib/snapshot/types.js';
import { cliClients } from '../clients.js';
import { type CommandContext, type Io, terminalProgress } from '../io.js';
import { stderrLog } from '../log.js';
import { ENDPOINT_DEFAULT, REGION_DEFAULT, targetOf } from '../target.js';
import { resyncTrigger } from './plan-input.js';

type SnapshotOptions = {
  region?: string;
  endpointUrl?: string;
  cluster: string[];
  secret: string[];
  output?: string;
  recordsTable?: string;
};

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * The controller's label records for the snapshot's secrets, so that an
 * offline plan starts from the same movedAt as the live controller. A table
 * that cannot be read leaves the section out, with a warning.
 */
async function readRecords(
  dynamodb: AwsClients['dynamodb'],
  table: string,
  document: SnapshotInput,
  io: Io,
): Promise<LabelRecord[] | null> {
  const secretArns = document.secrets.map((secret) => secret.ARN);
  try {
    return await createRecordStore(dynamodb, table).load(secretArns);
  } catch (error) {
    const cause =
      error instanceof Error && error.cause instanceof Error ? error.cause : error;
    stderrLog(io).warn('Label records left out', {
      table,
      error: cause instanceof Error ? cause.name : String(cause),
    });
    return null;
  }
}

async function runSnapshot(
  options: SnapshotOptions,
  { io }: CommandContext,
): Promise<void> {
  const target = targetOf(options, io.env);
  const clients = cliClients(target, io.env);

  // A capture is a manual resync: the same reads the controller makes for one.
  const trigger = resyncTrigger({ account: null, region: target.region }, new Date(), {
    clusters: options.cluster,
    secrets: options.secret,
  });
  const scope = scopeForTrigger(trigger, { clusters: [] });
  const progress = terminalProgress(io);
  const document = await observe(clients, scope, {
    log: stderrLog(io),
    ...(progress ? { progress } : {}),
  });

  const table = options.recordsTable ?? io.env.RECORDS_TABLE;
  if (table !== undefined) {
    const records = await readRecords(clients.dynamodb, table, document, io);
    if (records !== null) document.records = records;
  }

  const text = `${JSON.stringify(document, null, 2)}\n`;
  if (options.output === undefined || options.output === '-') {
    io.stdout.write(text);
    return;
  }
  await writeFile(options.output, text, 'utf8');
}

/** Adds `snapshot`: capture the AWS objects the controller reads into a snapshot document. */
export function registerSnapshot(program: Command, context: CommandContext): void {
  program
    .command('snapshot')
    .description(
      'Capture a snapshot document: the ECS services, task definitions, tasks and ' +
        'secrets (never their values), with the IAM, KMS, network and SSM objects the ' +
        'checks need. Uses the default AWS credential chain.',
    )
    .option('--region <region>', `AWS region (${REGION_DEFAULT})`)
    .option(
      '--endpoint-url <url>',
      `AWS endpoint override, e.g. the local emulator (${ENDPOINT_DEFAULT})`,
    )
    .option('--cluster <name>', 'limit to a cluster (repeatable)', collect, [])
    .option(
      '--secret <id>',
      'limit detailed reads to the consumers of a secret (repeatable)',
      collect,
      [],
    )
    .option('--output <file>', 'write to a file instead of stdout')
    .option(
      '--records-table <name>',
      "include the controller's label records from this DynamoDB table (default: RECORDS_TABLE)",
    )
    .action(async (options: SnapshotOptions) => runSnapshot(options, context));
}
