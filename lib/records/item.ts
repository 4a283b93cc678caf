/**
 * The record table holds two kinds of item, told apart by `kind`: label
 * records and the claims of refresh signals already sent.
 */
export const RECORD_KIND = 'label';
export const SIGNAL_KIND = 'signal';

/** Sort key of a signal claim: one per service under the secret's partition. */
export function signalKey(serviceArn: string): string {
  return `signal#${serviceArn}`;
}

/** True for the error DynamoDB returns when a write's condition does not hold. */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
