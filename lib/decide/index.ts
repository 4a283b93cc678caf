export type { Assessment, FollowedSecret } from './assess.js';
export { type ConsumerCheck, serviceConsumer } from './checks.js';
export { plan } from './plan.js';
export { DEFAULT_POLICY, type Policy } from './policy.js';
export {
  clusterMatches,
  type Scope,
  scopeOf,
  secretsNamed,
  triggerSecrets,
} from './scope.js';
export {
  DEFAULT_LABEL,
  followedLabel,
  type LabelMove,
  labelMovedAt,
  labelMoves,
  MOVE_SOURCE_TEXT,
  moveContext,
} from './staleness.js';
export { STRATEGY_TAG, Strategy } from './strategy.js';
