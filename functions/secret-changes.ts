import { eventHandler } from './runtime.js';

/** Secrets Manager label moves, rotations and API calls (via EventBridge). */
export const handler = eventHandler(['secretChanged']);
