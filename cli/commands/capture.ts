import type { AwsClients } from '../../lib/observe/clients.js';
import { observe } from '../../lib/observe/observe.js';
import { scopeForTrigger } from '../../lib/observe/scope.js';
import { createRecordStore } from '../../lib/records/index.js';
import type { LabelRecord, SnapshotInput } from '../../lib/snapshot/types.js';
import { cliClients } from '../clients.js';
import { type Io, terminalProgress } from '../io.js';
import { stderrLog } from '../log.js';
import { targetOf } from '../target.js';
import { resyncTrigger } from './plan-input.js';

/** What to read of an account: where, which clusters and secrets, and the records table. */
export type CaptureOptions = {
  region?: string | undefined;
  endpointUrl?: string | undefined;
  clusters: string[];
  secrets: string[];
  /** Default: RECORDS_TABLE; neither set leaves the records out. */
  recordsTable?: string | undefined;
};

/**
 * The controller's label records for the snapshot's secrets, so that a plan
 * starts from the same movedAt as the live controller. A table that cannot
 * be read leaves the section out, with a warning.
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

/**
 * Reads an account (or the emulator) into a snapshot document, as the
 * controller reads it for a manual resync, with its label records when a
 * table is named. Progress goes to stderr on a terminal.
 */
export async function captureAccount(
  options: CaptureOptions,
  io: Io,
): Promise<SnapshotInput> {
  const target = targetOf(options, io.env);
  const clients = cliClients(target, io.env);

  const trigger = resyncTrigger({ account: null, region: target.region }, new Date(), {
    clusters: options.clusters,
    secrets: options.secrets,
  });
  const progress = terminalProgress(io);
  const document = await observe(clients, scopeForTrigger(trigger, { clusters: [] }), {
    log: stderrLog(io),
    ...(progress ? { progress } : {}),
  });

  const table = options.recordsTable ?? io.env.RECORDS_TABLE;
  if (table !== undefined) {
    const records = await readRecords(clients.dynamodb, table, document, io);
    if (records !== null) document.records = records;
  }
  return document;
}
