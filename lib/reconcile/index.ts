export { createPlanner, type Planner, type Prepared } from './prepare.js';
export {
  createReconcileRunner,
  createReconciler,
  type ReconcileRun,
  type ReconcileRunner,
  triggerFields,
} from './reconcile.js';
export type {
  Observer,
  Progress,
  ReconcileOptions,
  ReconcileReport,
} from './types.js';
