import type { LabelRecord } from '../snapshot/types.js';

/**
 * The movedAt records of DESIGN "When a consumer is stale": when each staging
 * label of a secret moved to the version it holds, as first seen.
 */
export interface RecordStore {
  /** The stored records of these secrets; every stored record when omitted. */
  load(secretArns?: readonly string[]): Promise<LabelRecord[]>;
  /**
   * Stores records, each replacing the one for its (secret, label) only when
   * the version differs. Returns the records as stored: where another writer
   * got there first with the same version, its record (and movedAt) wins.
   */
  save(records: readonly LabelRecord[]): Promise<LabelRecord[]>;
}

/**
 * Remembers which refresh signals went out, so a re-delivered event does not
 * signal the same service twice for the same secret version.
 */
export interface SignalLedger {
  /** True when this call is the first to claim (service, secret, version). */
  claim(serviceArn: string, secretArn: string, versionId: string): Promise<boolean>;
  /** Gives a claim back after the signal could not be sent. */
  release(serviceArn: string, secretArn: string, versionId: string): Promise<void>;
}
