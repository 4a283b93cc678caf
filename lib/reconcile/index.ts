export { createPlanner, type Planner, type Prepared } from './prepare.js';
export { createReconciler, triggerFields } from './reconcile.js';
export type { Observer, ReconcileOptions, ReconcileReport } from './types.js';
