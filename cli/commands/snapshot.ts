import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { CommandContext } from '../io.js';
import { ENDPOINT_DEFAULT, REGION_DEFAULT } from '../target.js';
import { captureAccount } from './capture.js';

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

async function runSnapshot(
  options: SnapshotOptions,
  { io }: CommandContext,
): Promise<void> {
  // A capture is a manual resync: the same reads the controller makes for one.
  const document = await captureAccount(
    {
      region: options.region,
      endpointUrl: options.endpointUrl,
      clusters: options.cluster,
      secrets: options.secret,
      recordsTable: options.recordsTable,
    },
    io,
  );

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
