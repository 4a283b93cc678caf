import { describe, expect, it } from 'vitest';
import { cliJson } from '../../../lib/observe/cli-json.js';

describe('cli-json', () => {
  it('prints dates as ISO strings and drops metadata when given an SDK response', () => {
    const response = {
      $metadata: { httpStatusCode: 200 },
      Name: 'db',
      CreatedDate: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
      Versions: [{ VersionId: 'v1', CreatedDate: new Date(0), KmsKeyId: undefined }],
    };

    expect(cliJson(response)).toEqual({
      Name: 'db',
      CreatedDate: '2024-01-02T03:04:05.000Z',
      Versions: [{ VersionId: 'v1', CreatedDate: '1970-01-01T00:00:00.000Z' }],
    });
  });
});
