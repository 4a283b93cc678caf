import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import type { HandlerResult } from '../../lib/runtime/handle.js';
import { EMULATOR_CREDENTIALS } from '../clients.js';

/** A Lambda handler of this project, called as the Lambda runtime calls it. */
export type LambdaHandler = (event: unknown, context: Context) => Promise<HandlerResult>;

/** The two handlers the demo delivers events to. */
export type DemoHandlers = { reconcile: LambdaHandler; secretChanges: LambdaHandler };

/** Settings the handlers read from the environment when their module loads. */
export type HandlerEnvironment = {
  endpoint: string;
  region: string;
  recordsTable: string;
  eventBusName: string;
  /** Powertools log level: `SILENT` keeps the handlers' JSON logs out of the output. */
  logLevel: string;
};

/**
 * Points the real handler modules at the emulator and loads them. The
 * handlers read their configuration once, at module load, so the
 * environment is set before the first import; later calls reuse the modules
 * already loaded.
 */
export async function loadHandlers(env: HandlerEnvironment): Promise<DemoHandlers> {
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: env.endpoint,
    AWS_REGION: env.region,
    AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
    RECORDS_TABLE: env.recordsTable,
    EVENT_BUS_NAME: env.eventBusName,
    UPDATE_SERVICE_RATE: '10',
    POWERTOOLS_LOG_LEVEL: env.logLevel,
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;

  const reconcile = await import('../../functions/reconcile.js');
  const secretChanges = await import('../../functions/secret-changes.js');
  return { reconcile: reconcile.handler, secretChanges: secretChanges.handler };
}

/** A context object shaped like the one Lambda passes to a handler. */
export function lambdaContext(
  functionName: string,
  where: { region: string; account: string },
): Context {
  const deadline = Date.now() + 900_000;
  const ignore = (): void => {};
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${where.region}:${where.account}:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `demo/[$LATEST]${randomUUID().replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: ignore,
    fail: ignore,
    succeed: ignore,
  };
}

/** EventBridge prints event times to the second. */
export function eventTime(at: Date): string {
  return `${at.toISOString().slice(0, 19)}Z`;
}

/** An event fixture under events/, with a fresh id and the given account, region and time. */
async function fixture(
  root: string,
  path: string,
  where: { at: Date; account: string; region: string },
): Promise<Record<string, unknown>> {
  const text = await readFile(join(root, 'events', path), 'utf8');
  const event = JSON.parse(text) as Record<string, unknown>;
  return {
    ...event,
    id: randomUUID(),
    account: where.account,
    region: where.region,
    time: eventTime(where.at),
  };
}

/**
 * The documented `Secret Label Updated` event (events/secretsmanager fixture)
 * for a real secret, version and time.
 */
export async function labelUpdatedEvent(
  root: string,
  change: {
    secretArn: string;
    name: string;
    versionId: string;
    at: Date;
    account: string;
    region: string;
  },
): Promise<Record<string, unknown>> {
  const event = await fixture(root, 'secretsmanager/secret-label-updated.json', change);
  return {
    ...event,
    resources: [change.secretArn],
    detail: {
      ...(event.detail as object),
      name: change.name,
      versionId: change.versionId,
    },
  };
}

/** The schedule's `Scheduled Event` (events/schedule fixture) at a given time. */
export async function scheduledEvent(
  root: string,
  where: { at: Date; account: string; region: string },
): Promise<Record<string, unknown>> {
  const event = await fixture(root, 'schedule/scheduled-event.json', where);
  return {
    ...event,
    resources: [
      `arn:aws:events:${where.region}:${where.account}:rule/ecs-secret-reconciler-resync`,
    ],
  };
}
