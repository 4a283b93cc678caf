import { eventHandler } from './runtime.js';

/** ECS deployment state changes and stopped tasks (via EventBridge). */
export const handler = eventHandler(['serviceChanged', 'taskStopped']);
