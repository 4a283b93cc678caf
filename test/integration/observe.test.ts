import { beforeAll, describe, expect, it } from 'vitest';
import { rotateSecret, type SeededFleet, seedFleet } from '../../cli/demo/seed.js';
import { silentLog } from '../../lib/log.js';
import { createClients } from '../../lib/observe/clients.js';
import { observe } from '../../lib/observe/observe.js';
import type { ObserveScope } from '../../lib/observe/scope.js';
import { collectReferences } from '../../lib/refs/index.js';
import { parseSnapshot, type Snapshot } from '../../lib/snapshot/index.js';
import { emulatorClientConfig, resetEmulator } from '../support/aws.js';

const resync: ObserveScope = {
  clusters: [],
  services: null,
  tasks: [],
  secrets: [],
  drift: 'services',
};

/** The secret ARNs each service references, by service name. */
function referencedSecrets(snapshot: Snapshot): Record<string, string[]> {
  const byArn = new Map(snapshot.taskDefinitions.map((t) => [t.taskDefinitionArn, t]));
  return Object.fromEntries(
    snapshot.services.map((service) => {
      const { references } = collectReferences(
        snapshot,
        service,
        byArn.get(service.taskDefinition),
      );
      const arns = references.flatMap((r) => (r.secretArn ? [r.secretArn] : []));
      return [service.serviceName, [...new Set(arns)].sort()];
    }),
  );
}

describe('observe', () => {
  const clients = createClients(emulatorClientConfig());
  let fleet: SeededFleet;

  beforeAll(async () => {
    await resetEmulator();
    fleet = await seedFleet(clients);
  });

  it('captures a snapshot the loader accepts when the whole seeded fleet is read', async () => {
    const document = await observe(clients, resync, { log: silentLog });

    const snapshot = parseSnapshot(JSON.parse(JSON.stringify(document)), 'emulator');
    expect(snapshot.account).toBe(fleet.account);
    expect(snapshot.services).toHaveLength(Object.keys(fleet.services).length);
    expect(snapshot.tasks?.map((t) => t.group).sort()).toEqual([
      `service:${fleet.services.web.name}`,
      `service:${fleet.services.worker.name}`,
    ]);
    expect(snapshot.iam?.roles.map((r) => r.Role.Arn).sort()).toEqual(
      [fleet.roles.execution, fleet.roles.restricted, fleet.roles.signalTask].sort(),
    );
    expect(snapshot.kms?.keys.map((k) => k.KeyMetadata.Arn)).toEqual([
      fleet.secrets.kmsKeyArn,
    ]);
    expect(snapshot.ec2?.VpcEndpoints?.map((e) => e.VpcEndpointId).sort()).toEqual(
      Object.values(fleet.network.vpcEndpointIds).sort(),
    );
    const dnsOn = (VpcId: string) => ({
      VpcId,
      EnableDnsSupport: { Value: true },
      EnableDnsHostnames: { Value: true },
    });
    expect(snapshot.ec2?.VpcAttributes).toEqual(
      expect.arrayContaining(Object.values(fleet.network.vpcIds).map(dnsOn)),
    );
    expect(snapshot.ec2?.VpcAttributes).toHaveLength(2);
  });

  it('finds every reference kind to the rotating secret when the snapshot is resolved', async () => {
    const snapshot = parseSnapshot(
      await observe(clients, resync, { log: silentLog }),
      'emulator',
    );

    const database = fleet.secrets.database.arn;
    const referenced = referencedSecrets(snapshot);
    const consumers = Object.entries(referenced)
      .filter(([, arns]) => arns.includes(database))
      .map(([name]) => name)
      .sort();
    expect(consumers).toEqual(
      ['web', 'worker', 'pinned', 'optedOut', 'notifier', 'restricted']
        .map((role) => fleet.services[role as keyof SeededFleet['services']].name)
        .sort(),
    );
    expect(referenced[fleet.services.unrelated.name]).toEqual([
      fleet.secrets.reporting.arn,
    ]);
  });

  it('reads the new version and only the consumers in detail when the secret rotates', async () => {
    const versionId = await rotateSecret(clients, fleet.secrets.database.arn);
    const scope: ObserveScope = {
      ...resync,
      secrets: [fleet.secrets.database.name],
      drift: 'consumers',
    };

    const snapshot = parseSnapshot(
      await observe(clients, scope, { log: silentLog }),
      'emulator',
    );

    const secret = snapshot.secrets.find((s) => s.ARN === fleet.secrets.database.arn);
    expect(secret?.VersionIdsToStages?.[versionId]).toEqual(['AWSCURRENT']);
    expect(secret?.Versions?.map((v) => v.VersionId)).toContain(versionId);
    expect(snapshot.services).toHaveLength(Object.keys(fleet.services).length);
    expect(snapshot.iam?.roles.map((r) => r.Role.Arn).sort()).toEqual(
      [fleet.roles.execution, fleet.roles.restricted, fleet.roles.signalTask].sort(),
    );
    expect(snapshot.ec2?.Subnets?.length).toBeGreaterThan(0);
  });
});
