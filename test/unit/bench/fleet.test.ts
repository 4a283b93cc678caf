import { describe, expect, it } from 'vitest';
import { generateFleet } from '../../../bench/fleet/generate.js';
import { collectReferences } from '../../../lib/refs/index.js';
import { parseSnapshot, snapshotIndex } from '../../../lib/snapshot/index.js';

const OPTIONS = { services: 40, secrets: 60, seed: 7 };

describe('fleet', () => {
  it('produces a snapshot parseSnapshot accepts when generated', () => {
    const fleet = generateFleet(OPTIONS);

    const snapshot = parseSnapshot(fleet.document, 'generated fleet');

    expect(snapshot.services).toHaveLength(OPTIONS.services);
    expect(snapshot.secrets).toHaveLength(OPTIONS.secrets);
    expect(snapshot.iam?.roles.length).toBeGreaterThan(0);
    expect(snapshot.ec2?.Subnets?.length).toBeGreaterThan(0);
  });

  it('gives every task definition three containers and four to eight secret references', () => {
    const snapshot = parseSnapshot(generateFleet(OPTIONS).document, 'generated fleet');
    const index = snapshotIndex(snapshot);

    for (const td of snapshot.taskDefinitions) {
      expect(td.containerDefinitions).toHaveLength(3);
      const injected = td.containerDefinitions.flatMap((c) => [
        ...c.secrets.filter((s) => !s.valueFrom.startsWith('/')),
        ...(c.logConfiguration?.secretOptions ?? []),
        ...(c.repositoryCredentials === undefined ? [] : [c.repositoryCredentials]),
      ]);
      expect(injected.length).toBeGreaterThanOrEqual(4);
      expect(injected.length).toBeLessThanOrEqual(8);
    }
    const kinds = new Set(
      snapshot.services.flatMap((service) =>
        collectReferences(
          snapshot,
          service,
          index.taskDefinitionsByArn.get(service.taskDefinition),
        ).references.map((ref) => ref.kind),
      ),
    );
    expect(kinds).toEqual(
      new Set(['environment', 'logOption', 'registryAuth', 'ssmReference', 'runtime']),
    );
  });

  it('repeats the same document when the seed is the same', () => {
    const first = JSON.stringify(generateFleet(OPTIONS).document);
    const second = JSON.stringify(generateFleet(OPTIONS).document);

    expect(second).toBe(first);
  });

  it('differs when the seed differs', () => {
    const first = JSON.stringify(generateFleet(OPTIONS).document);
    const other = JSON.stringify(generateFleet({ ...OPTIONS, seed: 8 }).document);

    expect(other).not.toBe(first);
  });
});
