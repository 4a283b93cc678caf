import { describe, expect, it } from 'vitest';
import { defaultStrategy, taggedStrategy } from '../../../lib/decide/strategy.js';
import type { ReferenceKind } from '../../../lib/plan/types.js';
import { serviceArn, serviceInput, snapshotOf } from './build.js';

function serviceTagged(value: string | undefined) {
  const tags = value === undefined ? [] : [{ key: 'secret-reconciler/strategy', value }];
  const snapshot = snapshotOf({
    services: [serviceInput('payments-api', '2024-05-01T00:00:00Z', { tags })],
  });
  return snapshot.services[0]!;
}

describe('strategy', () => {
  it.each([
    { value: undefined, strategy: null, codes: [] },
    { value: 'redeploy', strategy: 'redeploy', codes: [] },
    { value: 'signal', strategy: 'signal', codes: [] },
    { value: 'ignore', strategy: 'ignore', codes: [] },
    { value: 'IGNORE', strategy: 'ignore', codes: [] },
    { value: ' Signal ', strategy: 'signal', codes: [] },
    { value: 'restart', strategy: null, codes: ['InvalidStrategyTag'] },
    { value: '', strategy: null, codes: ['InvalidStrategyTag'] },
  ])(
    'taggedStrategy reads $strategy when the tag is $value',
    ({ value, strategy, codes }) => {
      const tagged = taggedStrategy(serviceTagged(value));

      expect(tagged.strategy).toBe(strategy);
      expect(tagged.findings.map((finding) => finding.code)).toEqual(codes);
      for (const finding of tagged.findings) {
        expect(finding).toMatchObject({
          severity: 'low',
          resourceArn: serviceArn('payments-api'),
          evidence: { value },
        });
      }
    },
  );

  it.each<{ kinds: ReferenceKind[]; expected: string }>([
    { kinds: ['environment'], expected: 'redeploy' },
    { kinds: ['logOption'], expected: 'redeploy' },
    { kinds: ['registryAuth'], expected: 'redeploy' },
    { kinds: ['ssmReference'], expected: 'redeploy' },
    { kinds: ['runtime'], expected: 'signal' },
    { kinds: ['runtime', 'environment'], expected: 'redeploy' },
  ])(
    'defaultStrategy is $expected when moved references are $kinds',
    ({ kinds, expected }) => {
      expect(defaultStrategy(kinds)).toBe(expected);
    },
  );
});
