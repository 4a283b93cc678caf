import type { ActionOutcome, PublishReport } from '../act/types.js';
import type { ConsumerCheck } from '../decide/index.js';
import type { Log } from '../log.js';
import type { AwsClients } from '../observe/clients.js';
import type { ObserveScope } from '../observe/scope.js';
import type { Finding, Plan } from '../plan/types.js';
import type { SnapshotInput } from '../snapshot/types.js';

/** What one reconcile decided and did. */
export type ReconcileReport = {
  reconcileId: string;
  plan: Plan;
  outcomes: ActionOutcome[];
  /** Findings raised while acting (ActionFailed); the plan's own are in `plan`. */
  findings: Finding[];
  published: PublishReport;
  /** True when a failure may pass if the trigger is reconciled again. */
  retryable: boolean;
};

/** Reports one step of the observation: its name and how far along it is. */
export type Progress = (step: string, done: number, total: number) => void;

/** Reads the world a scope names into a snapshot document. */
export type Observer = (
  clients: AwsClients,
  scope: ObserveScope,
  options: { log: Log; progress?: Progress },
) => Promise<SnapshotInput>;

/** What a caller may replace in a reconcile: the clock, the checks, the reads. */
export type ReconcileOptions = {
  /** The clock; every reconcile reads it once for its plan. */
  now?: () => Date;
  /** Replaces the drift and preflight checks the plan runs on each consumer. */
  checks?: readonly ConsumerCheck[];
  /** Replaces the AWS observation (tests, offline runs). */
  observe?: Observer;
  /** Waits between paced calls. */
  sleep?: (ms: number) => Promise<void>;
  /** Reports the steps of the observation (a terminal's progress lines). */
  progress?: Progress;
};
