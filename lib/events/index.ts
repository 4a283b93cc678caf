export { classifyEvent } from './classify.js';
export { ManualPayload } from './manual.js';
export { IgnoredReason, UnrecognisedReason } from './reasons.js';
export type { EventResult, Trigger, TriggerKind } from './types.js';
export { SecretChange } from './types.js';
