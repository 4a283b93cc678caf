import { eventHandler } from './runtime.js';

/** The scheduled full resync and manual invokes (`{"scope": ...}`); returns the plan and outcomes. */
export const handler = eventHandler(['resync', 'secretChanged']);
