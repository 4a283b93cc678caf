import { describe, expect, it } from 'vitest';
import { columns } from '../../../cli/format/columns.js';

describe('columns', () => {
  it('pads each column to its widest cell and leaves the last ragged when given rows', () => {
    const lines = columns([
      ['SERVICE', 'REASON', 'SECRETS'],
      ['api', 'SecretVersionChanged', 'db'],
      ['payments-ledger', 'Blocked', 'db, api-key'],
    ]);

    expect(lines).toEqual([
      'SERVICE          REASON                SECRETS',
      'api              SecretVersionChanged  db',
      'payments-ledger  Blocked               db, api-key',
    ]);
  });

  it('returns no lines when given no rows', () => {
    expect(columns([])).toEqual([]);
  });
});
