export { type DriftOptions, driftChecks, driftOptions } from './checks.js';
export {
  type ConsumerDrift,
  checkConsumer,
  endpointRoutes,
  storesOf,
} from './consumer.js';
export {
  type Explanation,
  explainConsumer,
  type ReferenceLink,
  type RoleDecision,
  type SecretLink,
} from './explain.js';
export { planWithDrift } from './plan.js';
export {
  classifyStopReason,
  StopCause,
  type StopReasonClass,
} from './stop-reason.js';
export { type StoppedConsumer, stoppedConsumer, taskConsumer } from './task-consumer.js';
export {
  explainingCodes,
  FAILED_TO_START,
  isSecretsStartFailure,
  taskStartFindings,
} from './task-start.js';
export type { AwsVpcPlacement, Consumer, PathKind } from './types.js';
