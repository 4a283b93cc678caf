export { RecordStoreError } from './errors.js';
export { createSignalLedger } from './signals.js';
export { createRecordStore } from './store.js';
export { ensureTable } from './table.js';
export type { RecordStore, SignalLedger } from './types.js';
