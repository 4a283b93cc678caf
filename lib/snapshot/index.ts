export { SnapshotError, type SnapshotIssue } from './errors.js';
export { readErrorText } from './file-errors.js';
export { loadSnapshotFile, parseSnapshot } from './load.js';
export {
  type SnapshotIndex,
  serviceGroupKey,
  snapshotIndex,
  tasksOfService,
} from './lookup.js';
export { policyDocument } from './policy.js';
export { SnapshotSchema } from './schema.js';
export { normaliseTimestamp } from './timestamp.js';
export type * from './types.js';
