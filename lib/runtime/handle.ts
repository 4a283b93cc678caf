import { classifyEvent } from '../events/index.js';
import type { Trigger, TriggerKind } from '../events/types.js';
import type { Log } from '../log.js';
import type { ReconcileReport } from '../reconcile/index.js';
import { RetryableReconcileError } from './errors.js';

/** What a handler returns: enough for a manual invoke to show the plan and outcomes. */
export type HandlerResult =
  | { outcome: 'ignored' | 'unrecognised'; reason: string; message: string }
  | { outcome: 'reconciled'; report: ReconcileReport };

/** Counts what happened, by name; Powertools Metrics fits behind it. */
export interface Counter {
  count(name: string, value?: number): void;
}

/** What handleEvent calls: the reconcile loop, the log and the counter. */
export type HandleDeps = {
  reconcile: (trigger: Trigger) => Promise<ReconcileReport>;
  log: Log;
  counter: Counter;
};

/**
 * Classifies one event and reconciles what it names. Malformed or foreign
 * events are logged and dropped (never thrown, so never retried); a
 * reconcile whose failed actions are worth retrying throws so that Lambda
 * retries the event and then sends it to the failure destination.
 */
export async function handleEvent(
  event: unknown,
  accepts: readonly TriggerKind[],
  deps: HandleDeps,
): Promise<HandlerResult> {
  const result = classifyEvent(event);
  if (result.outcome !== 'trigger') {
    deps.log.warn('Event not acted on', {
      outcome: result.outcome,
      reason: result.reason,
      detail: result.message,
      eventId: eventIdOf(event),
    });
    deps.counter.count(
      result.outcome === 'ignored' ? 'EventIgnored' : 'EventUnrecognised',
    );
    return { outcome: result.outcome, reason: result.reason, message: result.message };
  }

  const { trigger } = result;
  if (!accepts.includes(trigger.kind)) {
    const message = `this function handles ${accepts.join(', ')}, not ${trigger.kind}`;
    deps.log.warn('Event not acted on', {
      outcome: 'unrecognised',
      reason: 'WrongFunction',
      detail: message,
      eventId: trigger.eventId,
    });
    deps.counter.count('EventUnrecognised');
    return { outcome: 'unrecognised', reason: 'WrongFunction', message };
  }

  deps.counter.count('EventAccepted');
  const report = await deps.reconcile(trigger);
  countReport(report, deps.counter);
  if (report.retryable) {
    throw new RetryableReconcileError(report.reconcileId);
  }
  return { outcome: 'reconciled', report };
}

/**
 * Metrics named from the closed vocabulary: actions by type and outcome
 * (`redeploy.succeeded`), reasons (`reason.PreflightFailed`) and findings
 * by code (`finding.NoNetworkPath`).
 */
function countReport(report: ReconcileReport, counter: Counter): void {
  for (const outcome of report.outcomes) {
    counter.count(`${outcome.type}.${outcome.outcome}`);
    counter.count(`reason.${outcome.reason}`);
  }
  for (const finding of [...report.plan.findings, ...report.findings]) {
    counter.count(`finding.${finding.code}`);
  }
}

function eventIdOf(event: unknown): string | null {
  if (typeof event === 'object' && event !== null && 'id' in event) {
    const id = (event as { id: unknown }).id;
    return typeof id === 'string' ? id : null;
  }
  return null;
}
