/** The record table could not be read or written; the SDK error is the cause. */
export class RecordStoreError extends Error {
  override name = 'RecordStoreError';

  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
  }
}
