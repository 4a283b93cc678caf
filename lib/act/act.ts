import { randomUUID } from 'node:crypto';
import type { Action, Finding, Plan } from '../plan/types.js';
import { FINDINGS } from '../plan/vocabulary.js';
import { createBudget, createPacer, deploymentsInFlight } from './budget.js';
import { ActError, describeError, isRetryableError } from './errors.js';
import { actionEntry, findingEntry } from './events.js';
import { publishEntries } from './publish.js';
import { redeploy } from './redeploy.js';
import { signal } from './signal.js';
import type {
  ActDeps,
  ActionOutcome,
  ActReport,
  Outcome,
  OutcomeError,
} from './types.js';
import { signalledVersions } from './versions.js';

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function outcomeOf(
  action: Action,
  outcome: Outcome,
  extra: Partial<
    Pick<ActionOutcome, 'reason' | 'deploymentId' | 'eventId' | 'error'>
  > = {},
): ActionOutcome {
  return {
    type: action.type,
    serviceArn: action.serviceArn,
    clusterArn: action.clusterArn,
    secretArns: action.secretArns,
    outcome,
    reason: extra.reason ?? action.reason,
    deploymentId: extra.deploymentId ?? null,
    eventId: extra.eventId ?? null,
    error: extra.error ?? null,
  };
}

function errorOf(error: unknown): OutcomeError {
  const cause = error instanceof ActError ? error.cause : error;
  return {
    ...describeError(cause),
    retryable: error instanceof ActError ? error.retryable : isRetryableError(error),
  };
}

function actionFailed(action: Action, error: OutcomeError): Finding {
  return {
    code: 'ActionFailed',
    severity: FINDINGS.ActionFailed.severity,
    resourceArn: action.serviceArn,
    secretArn: action.secretArns[0] ?? null,
    message:
      `Could not ${action.type} ${action.serviceArn}: ${error.name}: ${error.message}` +
      (error.retryable ? ' (will be retried).' : ' (not retried).'),
    evidence: {
      actionType: action.type,
      errorName: error.name,
      retryable: error.retryable,
    },
  };
}

/**
 * Carries out a plan: redeploys (UpdateService with forceNewDeployment, paced
 * and within each cluster's rollout budget) and signals, then publishes every
 * action and finding as events. One failure never stops the other actions;
 * in observe mode nothing is touched and events are still published.
 */
export async function act(plan: Plan, deps: ActDeps): Promise<ActReport> {
  const { config, log } = deps;
  const reconcileId = deps.reconcileId ?? randomUUID();
  const sleep = deps.sleep ?? wait;
  const budget = createBudget(
    deploymentsInFlight(deps.snapshot),
    config.maxDeploymentsPerCluster,
  );
  const pace = createPacer(config.updateServiceRate, deps.now, sleep);
  const outcomes: ActionOutcome[] = [];
  const findings: Finding[] = [];

  async function carryOut(action: Action): Promise<ActionOutcome> {
    if (action.type === 'skip' || action.type === 'block') {
      return outcomeOf(action, 'skipped');
    }
    if (config.mode === 'observe') {
      return outcomeOf(action, 'skipped', { reason: 'ObserveMode' });
    }
    if (action.type === 'signal') {
      const versions = signalledVersions(plan, action, deps.snapshot);
      const { eventId } = await signal(action, versions, {
        eventBridge: deps.eventBridge,
        busName: config.eventBusName,
        reconcileId,
        time: deps.now(),
        ledger: deps.signals,
      });
      return eventId === null
        ? outcomeOf(action, 'skipped', { reason: 'AlreadySignalled' })
        : outcomeOf(action, 'succeeded', { eventId });
    }

    if (!budget.hasRoom(action.clusterArn)) {
      return outcomeOf(action, 'deferred', { reason: 'BudgetExhausted' });
    }
    await pace();
    const deploymentId = await redeploy(deps.ecs, action);
    budget.spend(action.clusterArn);
    return outcomeOf(action, 'succeeded', { deploymentId });
  }

  for (const action of plan.actions) {
    const started = deps.now().getTime();
    const fields = { reconcileId, serviceArn: action.serviceArn, type: action.type };
    try {
      const done = await carryOut(action);
      outcomes.push(done);
      log.info('Action carried out', {
        ...fields,
        outcome: done.outcome,
        reason: done.reason,
        deploymentId: done.deploymentId,
        durationMs: deps.now().getTime() - started,
      });
    } catch (error) {
      const failure = errorOf(error);
      outcomes.push(outcomeOf(action, 'failed', { error: failure }));
      findings.push(actionFailed(action, failure));
      log.error('Action failed', {
        ...fields,
        outcome: 'failed',
        reason: action.reason,
        errorName: failure.name,
        errorMessage: failure.message,
        retryable: failure.retryable,
        durationMs: deps.now().getTime() - started,
      });
    }
  }

  const base = { busName: config.eventBusName, time: deps.now(), reconcileId };
  const entries = [
    ...outcomes.map((done, index) =>
      actionEntry(base, done, plan.actions[index]!.message),
    ),
    ...[...plan.findings, ...findings].map((finding) => findingEntry(base, finding)),
  ];
  const published = await publishEntries(deps.eventBridge, entries, { log, sleep });

  return {
    reconcileId,
    outcomes,
    findings,
    published: {
      sent: published.sent,
      failed: published.failed,
      retryable: published.retryable,
    },
    retryable:
      published.retryable || outcomes.some((done) => done.error?.retryable === true),
  };
}
