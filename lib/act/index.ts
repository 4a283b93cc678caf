export { act } from './act.js';
export { deploymentsInFlight } from './budget.js';
export {
  ActError,
  isRetryableError,
  RedeployError,
  SignalError,
} from './errors.js';
export { DetailType, EVENT_SOURCE } from './events.js';
export type {
  ActConfig,
  ActDeps,
  ActionOutcome,
  ActReport,
  OutcomeError,
  PublishReport,
} from './types.js';
export { Outcome } from './types.js';
export type { SignalledVersion } from './versions.js';
