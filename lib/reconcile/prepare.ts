import type { Config } from '../config/config.js';
import { labelMoves } from '../decide/index.js';
import { planWithDrift } from '../drift/index.js';
import type { Trigger } from '../events/types.js';
import type { Log } from '../log.js';
import type { AwsClients } from '../observe/clients.js';
import { observe } from '../observe/index.js';
import { scopeForTrigger } from '../observe/scope.js';
import type { Plan } from '../plan/types.js';
import { createRecordStore } from '../records/index.js';
import { parseSnapshot, type Snapshot } from '../snapshot/index.js';
import { mergeRecords } from './records.js';
import type { ReconcileOptions } from './types.js';

/** A plan with the snapshot (and its label records) it was made from. */
export type Prepared = { snapshot: Snapshot; plan: Plan };

/**
 * Plans one trigger; `persist: false` computes label moves without storing
 * them. `log` is the reconcile's own log (see createReconcileRunner).
 */
export type Planner = (
  trigger: Trigger,
  context: { reconcileId: string; at: Date; persist: boolean; log: Log },
) => Promise<Prepared>;

/**
 * Builds the planning half of a reconcile: observe what the trigger scopes,
 * load the label records of the observed secrets, record new label moves,
 * and plan with the drift checks (unless `options.checks` replaces them).
 * The plan uses the records as stored, so concurrent reconciles that race
 * to record the same move agree on when it happened.
 */
export function createPlanner(
  clients: AwsClients,
  config: Config,
  options: Pick<ReconcileOptions, 'observe' | 'checks' | 'progress'> = {},
): Planner {
  const observer = options.observe ?? observe;
  const policy = { requirePrivatePath: config.requirePrivatePath };

  return async (trigger, { reconcileId, at, persist, log }) => {
    const store = createRecordStore(clients.dynamodb, config.recordsTable, log);
    const scope = scopeForTrigger(trigger, config);
    const observed = await observer(clients, scope, {
      log,
      ...(options.progress ? { progress: options.progress } : {}),
    });
    const snapshot = parseSnapshot(observed, `observation ${reconcileId}`);

    const stored = await store.load(snapshot.secrets.map((secret) => secret.ARN));
    const moves = labelMoves({ ...snapshot, records: stored }, trigger, at);
    const saved = persist ? await store.save(moves) : moves;
    for (const record of saved) {
      log.info('Label move recorded', { persisted: persist, ...record });
    }

    const withRecords = { ...snapshot, records: mergeRecords(stored, saved) };
    const planned = planWithDrift(withRecords, trigger, policy, at, options.checks);
    return { snapshot: withRecords, plan: planned };
  };
}
