import { describe, expect, it } from 'vitest';
import { paint } from '../../../cli/format/colour.js';
import { namesOf } from '../../../cli/format/names.js';
import { renderTable } from '../../../cli/format/table.js';
import type { Finding, Plan } from '../../../lib/plan/types.js';
import { arn, buildService, buildSnapshot } from '../../support/snapshots.js';

function finding(resourceArn: string): Finding {
  return {
    code: 'NoNetworkPath',
    severity: 'critical',
    resourceArn,
    secretArn: null,
    message: 'no path',
    evidence: {},
  };
}

function render(findings: Finding[]): string {
  const snapshot = buildSnapshot({
    services: [
      buildService({ name: 'api', cluster: 'a' }),
      buildService({ name: 'api', cluster: 'b' }),
    ],
  });
  const plan: Plan = {
    schemaVersion: 1,
    generatedAt: '2024-05-01T12:00:00.000Z',
    trigger: { kind: 'resync' },
    references: [],
    actions: [],
    findings,
  };
  return renderTable(plan, {
    names: namesOf(snapshot),
    paint: paint(false),
    source: 'test',
    notes: [],
  });
}

describe('table', () => {
  it('heads findings with the ARN when two services share a name', () => {
    const text = render([
      finding(arn.service('a', 'api')),
      finding(arn.service('b', 'api')),
    ]);

    expect(text).toContain(`  ${arn.service('a', 'api')}\n`);
    expect(text).toContain(`  ${arn.service('b', 'api')}\n`);
  });

  it('heads findings with the short name when it is unique', () => {
    const text = render([finding(arn.service('a', 'api'))]);

    expect(text).toContain('  api\n');
  });
});
