export { partitionForRegion, secretArnFor } from './arn.js';
export {
  type CollectedReferences,
  collectReferences,
  collectTaskReferences,
  RUNTIME_SECRETS_TAG,
} from './collect.js';
export {
  parseSecretId,
  parseValueFrom,
  SECRETS_MANAGER_REFERENCE_PATH,
  type ShapeIssue,
} from './parse.js';
export { toPlanReference } from './plan.js';
export { missingVersion, type ObservedScope, resolveSecret } from './resolve.js';
export { shapeIssues } from './shape.js';
export type {
  ArnScope,
  ParsedValueFrom,
  ResolvedReference,
  SecretResolution,
} from './types.js';
