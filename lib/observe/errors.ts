/** The account could not be read into a snapshot; the AWS error, if any, is the cause. */
export class ObserveError extends Error {
  override readonly name = 'ObserveError';
}
