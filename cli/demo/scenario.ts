import { SQSClient } from '@aws-sdk/client-sqs';
import { createClients } from '../../lib/observe/clients.js';
import type { ReconcileReport } from '../../lib/reconcile/index.js';
import { ensureTable } from '../../lib/records/index.js';
import type { HandlerResult } from '../../lib/runtime/handle.js';
import { EMULATOR_CREDENTIALS } from '../clients.js';
import { evaluate } from './checks.js';
import { changedDeployments, deploymentIds } from './deployments.js';
import { DemoError } from './errors.js';
import {
  eventTime,
  labelUpdatedEvent,
  lambdaContext,
  loadHandlers,
  scheduledEvent,
} from './lambda.js';
import { rotateSecret, seedFleet } from './seed.js';
import {
  type DemoSummary,
  findingRows,
  fleetNames,
  serviceRows,
  signalsOf,
} from './summary.js';
import { createEventTap } from './tap.js';

/** Names of what the demo creates next to the seeded fleet. */
export const DEMO_RESOURCES = {
  recordsTable: 'ecs-secret-reconciler-records',
  eventBus: 'ecs-secret-reconciler',
  queue: 'ecs-secret-reconciler-events',
  reconcileFunction: 'ecs-secret-reconciler-reconcile',
  secretChangesFunction: 'ecs-secret-reconciler-secret-changes',
} as const;

/** Where the scenario runs and how it reports its steps. */
export type ScenarioOptions = {
  /** The project root: fixtures under events/. */
  root: string;
  /** The emulator the fleet and the handlers talk to. */
  endpoint: string;
  /** Powertools log level of the handlers; default SILENT. */
  logLevel?: string;
  /** Receives one line per step, for a person watching. */
  progress: (line: string) => void;
};

const REGION = 'us-east-1';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * ECS deployment times and EventBridge event times count whole seconds: the
 * rotation starts in a later second than the last seeded deployment, so the
 * event cannot appear to precede the deployment it makes stale.
 */
async function untilNextSecond(after: Date): Promise<void> {
  const next = Math.floor(after.getTime() / 1000) * 1000 + 1000;
  await pause(Math.max(0, next - Date.now()) + 50);
}

function reportOf(result: HandlerResult, what: string): ReconcileReport {
  if (result.outcome !== 'reconciled') {
    throw new DemoError(
      `the handler did not reconcile the ${what}: ${result.reason}: ${result.message}`,
    );
  }
  return result.report;
}

/**
 * Seeds a fleet in the emulator, installs the controller with a resync,
 * rotates the shared database secret, delivers the documented event to the
 * real secret-changes handler, resyncs again, and reports what happened as
 * read back from the emulator.
 */
export async function runScenario(options: ScenarioOptions): Promise<DemoSummary> {
  const started = Date.now();
  const { root, endpoint, progress } = options;
  const config = { region: REGION, endpoint, credentials: EMULATOR_CREDENTIALS };
  const clients = createClients(config);
  const sqs = new SQSClient(config);

  progress('Creating the records table and an event bus with a queue target');
  await ensureTable(clients.dynamodb, DEMO_RESOURCES.recordsTable);
  const tap = await createEventTap(
    { eventBridge: clients.eventBridge, sqs },
    { busName: DEMO_RESOURCES.eventBus, queueName: DEMO_RESOURCES.queue },
  );

  progress('Seeding the fleet: network, secrets, roles, clusters, services, tasks');
  const fleet = await seedFleet(clients, { region: REGION });
  const seededAt = new Date();
  const services = Object.values(fleet.services);
  const name = fleetNames(fleet);
  const where = { region: REGION, account: fleet.account };
  const handlers = await loadHandlers({
    endpoint,
    region: REGION,
    recordsTable: DEMO_RESOURCES.recordsTable,
    eventBusName: DEMO_RESOURCES.eventBus,
    logLevel: options.logLevel ?? 'SILENT',
  });
  const resync = async (what: string) =>
    reportOf(
      await handlers.reconcile(
        await scheduledEvent(root, { ...where, at: new Date() }),
        lambdaContext(DEMO_RESOURCES.reconcileFunction, where),
      ),
      what,
    );

  progress('Installing the controller: a scheduled resync records every label');
  const seeded = await deploymentIds(clients.ecs, services);
  const install = await resync('first resync');
  const installed = await deploymentIds(clients.ecs, services);
  await tap.drain();

  const database = fleet.secrets.database;
  progress(`Rotating ${database.name} as a rotation function would`);
  await untilNextSecond(seededAt);
  const versionId = await rotateSecret(clients, database.arn);
  const event = await labelUpdatedEvent(root, {
    ...where,
    secretArn: database.arn,
    name: database.name,
    versionId,
    at: new Date(),
  });

  progress('Delivering the Secret Label Updated event to the secret-changes handler');
  const rotation = reportOf(
    await handlers.secretChanges(
      event,
      lambdaContext(DEMO_RESOURCES.secretChangesFunction, where),
    ),
    'Secret Label Updated event',
  );
  const rotated = await deploymentIds(clients.ecs, services);
  const signals = signalsOf(await tap.drain(), name);

  progress('Resyncing: everything should already be in step');
  const after = await resync('resync after the rotation');
  const resynced = await deploymentIds(clients.ecs, services);
  const resyncSignals = signalsOf(await tap.drain(), name);

  const messages = new Map(rotation.plan.actions.map((a) => [a.serviceArn, a.message]));
  const rows = serviceRows(fleet, rotation.outcomes, messages, {
    before: installed,
    after: rotated,
  });
  const summary: Omit<DemoSummary, 'ok' | 'checks'> = {
    endpoint,
    durationMs: Date.now() - started,
    install: {
      deploymentsStarted: changedDeployments(seeded, installed).length,
      findings: install.plan.findings.length,
    },
    rotation: {
      secret: database.name,
      secretArn: database.arn,
      previousVersionId: database.currentVersionId,
      versionId,
      eventId: String(event.id),
      eventTime: eventTime(new Date(String(event.time))),
      eventsPublished: rotation.published.sent,
    },
    services: rows,
    signals,
    resync: {
      deploymentsStarted: changedDeployments(rotated, resynced).length,
      signalsSent: resyncSignals.length,
    },
    findings: findingRows([...after.plan.findings, ...after.findings], name),
  };
  const checks = evaluate(fleet, summary);
  return { ...summary, ok: checks.every((check) => check.passed), checks };
}
