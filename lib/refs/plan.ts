import type { Reference } from '../plan/types.js';
import type { ResolvedReference } from './types.js';

/** The plan document's view of a reference: drops the resolved secret and store. */
export function toPlanReference(reference: ResolvedReference): Reference {
  const { secret: _secret, store: _store, ...planReference } = reference;
  return planReference;
}
