import type { ECSClient } from '@aws-sdk/client-ecs';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { Config } from '../config/config.js';
import type { Log } from '../log.js';
import type { Action, Finding } from '../plan/types.js';
import type { ActionReason } from '../plan/vocabulary.js';
import type { SignalLedger } from '../records/types.js';
import type { Snapshot } from '../snapshot/types.js';

/** What became of one action of the plan. */
export const Outcome = {
  succeeded: 'succeeded',
  failed: 'failed',
  skipped: 'skipped',
  deferred: 'deferred',
} as const;
export type Outcome = (typeof Outcome)[keyof typeof Outcome];

/** The error of a failed action: the SDK error's name and message. */
export type OutcomeError = { name: string; message: string; retryable: boolean };

/** One action of the plan and what became of it. */
export type ActionOutcome = {
  type: Action['type'];
  serviceArn: string;
  clusterArn: string;
  secretArns: string[];
  outcome: Outcome;
  /** The action's own reason, or why it was not carried out (ObserveMode, BudgetExhausted). */
  reason: ActionReason;
  /** The new PRIMARY deployment of a redeploy. */
  deploymentId: string | null;
  /** The EventBridge event id of a signal. */
  eventId: string | null;
  error: OutcomeError | null;
};

/** How many plan events went out, and how many could not. */
export type PublishReport = { sent: number; failed: number; retryable: boolean };

export type ActReport = {
  reconcileId: string;
  outcomes: ActionOutcome[];
  /** Findings act raised itself (ActionFailed), also published. */
  findings: Finding[];
  published: PublishReport;
  /** True when something failed that may succeed if the whole reconcile runs again. */
  retryable: boolean;
};

export type ActConfig = Pick<
  Config,
  'mode' | 'eventBusName' | 'maxDeploymentsPerCluster' | 'updateServiceRate'
>;

export type ActDeps = {
  ecs: ECSClient;
  eventBridge: EventBridgeClient;
  config: ActConfig;
  log: Log;
  now: () => Date;
  /** Waits between paced calls; tests pass one that returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Ties events and logs to one reconcile; a fresh UUID when omitted. */
  reconcileId?: string;
  /**
   * The snapshot the plan was made from: deployments already in flight count
   * against the budget, and signals name the versions they announce. Without
   * it, only deployments this call starts count.
   */
  snapshot?: Snapshot;
  /** Claims each (service, secret, version) once; without it, re-delivery signals again. */
  signals?: SignalLedger;
};
