/** A reconcile had failures worth retrying; thrown so Lambda retries the event. */
export class RetryableReconcileError extends Error {
  override name = 'RetryableReconcileError';

  constructor(readonly reconcileId: string) {
    super(`reconcile ${reconcileId} had retryable failures; the event will be retried`);
  }
}
