import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyStopReason, type StopCause } from '../../../lib/drift/stop-reason.js';

type Row = { case: string; reason: string; cause: StopCause; fragment: string | null };

const ROWS: Row[] = JSON.parse(
  readFileSync(new URL('./fixtures/stop-reasons.json', import.meta.url), 'utf8'),
);

describe('stop-reason', () => {
  it.each(ROWS)(
    'classifies as $cause when the reason says: $case',
    ({ reason, cause, fragment }) => {
      expect(classifyStopReason(reason)).toEqual({ cause, fragment });
    },
  );
});
