import type { LabelRecord } from '../snapshot/types.js';

const key = (record: LabelRecord) => `${record.secretArn}\u0000${record.label}`;

/** The stored records with those just saved in place of the ones they replace. */
export function mergeRecords(
  stored: readonly LabelRecord[],
  saved: readonly LabelRecord[],
): LabelRecord[] {
  const merged = new Map(stored.map((record) => [key(record), record]));
  for (const record of saved) merged.set(key(record), record);
  return [...merged.values()];
}
