import { randomUUID } from 'node:crypto';
import { act } from '../act/index.js';
import type { Config } from '../config/config.js';
import type { Trigger } from '../events/types.js';
import { type Log, withFields } from '../log.js';
import type { AwsClients } from '../observe/clients.js';
import { createSignalLedger } from '../records/index.js';
import type { Snapshot } from '../snapshot/types.js';
import { createPlanner } from './prepare.js';
import type { ReconcileOptions, ReconcileReport } from './types.js';

/** The fields that say what a trigger is about, for logs. */
export function triggerFields(trigger: Trigger): Record<string, unknown> {
  switch (trigger.kind) {
    case 'secretChanged':
      return { secretId: trigger.secretId, versionId: trigger.versionId };
    case 'serviceChanged':
      return { serviceArn: trigger.serviceArn };
    case 'taskStopped':
      return { taskArn: trigger.taskArn };
    case 'resync':
      return { source: trigger.source };
  }
}

function errorFields(error: unknown): Record<string, string> {
  return error instanceof Error
    ? { errorName: error.name, errorMessage: error.message }
    : { errorName: 'UnknownError', errorMessage: String(error) };
}

/** One reconcile and the snapshot it planned from (the CLI names things from it). */
export type ReconcileRun = { report: ReconcileReport; snapshot: Snapshot };

/** Runs one trigger; `dryRun` plans without recording label moves or acting. */
export type ReconcileRunner = (
  trigger: Trigger,
  options?: { dryRun?: boolean },
) => Promise<ReconcileRun>;

const NOTHING_PUBLISHED = { sent: 0, failed: 0, retryable: false };

/**
 * Builds the reconcile loop with its snapshot exposed: for each trigger, a
 * reconcile id, then observe, record label moves, plan and act. Errors
 * reading or recording the world are thrown (the trigger is retried);
 * failed actions are in the report.
 */
export function createReconcileRunner(
  clients: AwsClients,
  config: Config,
  log: Log,
  options: ReconcileOptions = {},
): ReconcileRunner {
  const now = options.now ?? (() => new Date());
  const planner = createPlanner(clients, config, options);
  const signals = createSignalLedger(clients.dynamodb, config.recordsTable, now);

  return async (trigger, { dryRun = false } = {}) => {
    const reconcileId = randomUUID();
    const at = now();
    // Every line of this reconcile, down to observe, records and act, says which it is.
    const runLog = withFields(log, { reconcileId, eventId: trigger.eventId });
    const fields = { trigger: trigger.kind, dryRun, ...triggerFields(trigger) };
    const elapsed = () => now().getTime() - at.getTime();
    runLog.info('Reconcile started', fields);

    try {
      const prepared = await planner(trigger, {
        reconcileId,
        at,
        persist: !dryRun,
        log: runLog,
      });
      const acted = dryRun
        ? { outcomes: [], findings: [], published: NOTHING_PUBLISHED, retryable: false }
        : await act(prepared.plan, {
            ecs: clients.ecs,
            eventBridge: clients.eventBridge,
            config,
            log: runLog,
            now,
            reconcileId,
            snapshot: prepared.snapshot,
            signals,
            ...(options.sleep ? { sleep: options.sleep } : {}),
          });

      runLog.info('Reconcile finished', {
        ...fields,
        actions: prepared.plan.actions.length,
        findings: prepared.plan.findings.length + acted.findings.length,
        retryable: acted.retryable,
        durationMs: elapsed(),
      });
      const report: ReconcileReport = {
        reconcileId,
        plan: prepared.plan,
        outcomes: acted.outcomes,
        findings: acted.findings,
        published: acted.published,
        retryable: acted.retryable,
      };
      return { report, snapshot: prepared.snapshot };
    } catch (error) {
      runLog.error('Reconcile failed', {
        ...fields,
        ...errorFields(error),
        durationMs: elapsed(),
      });
      throw error;
    }
  };
}

/**
 * Builds the reconcile loop the Lambda functions call: one report per
 * trigger (see createReconcileRunner).
 */
export function createReconciler(
  clients: AwsClients,
  config: Config,
  log: Log,
  options: ReconcileOptions = {},
): (trigger: Trigger) => Promise<ReconcileReport> {
  const run = createReconcileRunner(clients, config, log, options);
  return async (trigger) => (await run(trigger)).report;
}
