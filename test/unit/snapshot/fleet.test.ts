import { describe, expect, it } from 'vitest';
import { collectReferences } from '../../../lib/refs/index.js';
import { snapshotIndex, tasksOfService } from '../../../lib/snapshot/index.js';
import type { Service, Snapshot } from '../../../lib/snapshot/types.js';
import { loadExampleFleet } from '../../support/snapshots.js';

const fleet: Snapshot = loadExampleFleet();
const index = snapshotIndex(fleet);

function service(name: string): Service {
  const found = fleet.services.find((s) => s.serviceName === name);
  if (found === undefined) throw new Error(`no service ${name} in the example fleet`);
  return found;
}

function valueFroms(name: string): string[] {
  const td = index.taskDefinitionsByArn.get(service(name).taskDefinition);
  return (td?.containerDefinitions ?? []).flatMap((c) => [
    ...c.secrets.map((s) => s.valueFrom),
    ...(c.logConfiguration?.secretOptions ?? []).map((s) => s.valueFrom),
    ...(c.repositoryCredentials ? [c.repositoryCredentials.credentialsParameter] : []),
  ]);
}

function tag(name: string, key: string): string | undefined {
  return service(name).tags.find((t) => t.key === key)?.value;
}

const SM = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:';

describe('fleet', () => {
  it.each<[string, string, (name: string) => boolean]>([
    [
      'a full ARN with a JSON key',
      'payments-api',
      (n) => valueFroms(n).includes(`${SM}prod/payments/db-Tq3Zp8:password::`),
    ],
    [
      'a partial ARN',
      'payments-worker',
      (n) => valueFroms(n).includes(`${SM}prod/payments/db:password::`),
    ],
    [
      'a log router secret option',
      'web-frontend',
      (n) =>
        index.taskDefinitionsByArn
          .get(service(n).taskDefinition)!
          .containerDefinitions.some(
            (c) => (c.logConfiguration?.secretOptions ?? []).length > 0,
          ),
    ],
    [
      'a version stage',
      'web-frontend',
      (n) => valueFroms(n).some((v) => v.endsWith('::AWSPREVIOUS:')),
    ],
    [
      'a pinned version id',
      'batch-export',
      (n) => valueFroms(n).every((v) => /:[0-9a-f-]{36}$/.test(v)),
    ],
    [
      'registry credentials',
      'batch-etl',
      (n) => valueFroms(n).includes(`${SM}prod/shared/dockerhub-credentials-Pz2Kd9`),
    ],
    [
      'an SSM reference to Secrets Manager',
      'batch-etl',
      (n) => valueFroms(n).includes('/aws/reference/secretsmanager/prod/batch/warehouse'),
    ],
    [
      'an SSM parameter ARN to Secrets Manager',
      'batch-etl',
      (n) =>
        valueFroms(n).includes(
          'arn:aws:ssm:us-east-1:111122223333:parameter/aws/reference/secretsmanager/prod/batch/partner-sftp',
        ),
    ],
    [
      'a secret in another account',
      'payments-webhooks',
      (n) =>
        valueFroms(n).some((v) =>
          v.startsWith('arn:aws:secretsmanager:us-east-1:444455556666:secret:'),
        ),
    ],
    [
      'a runtime consumer tag',
      'web-auth',
      (n) => tag(n, 'secret-reconciler/secrets') === 'prod/web/oauth-client',
    ],
    [
      'an opt-out',
      'payments-reporting',
      (n) => tag(n, 'secret-reconciler/strategy') === 'ignore',
    ],
    [
      'signal mode',
      'web-notifier',
      (n) => tag(n, 'secret-reconciler/strategy') === 'signal',
    ],
    [
      'a service that is not ACTIVE',
      'web-legacy-api',
      (n) => service(n).status === 'DRAINING',
    ],
    [
      'the name-ends-like-a-suffix trap',
      'batch-reports',
      (n) => valueFroms(n).includes(`${SM}app-a1b2c3`),
    ],
    [
      'a two-field valueFrom',
      'web-search',
      (n) => valueFroms(n).some((v) => v.endsWith('-Ea7Kp2:password')),
    ],
    [
      'a missing secret',
      'payments-fx',
      (n) =>
        valueFroms(n).some(
          (v) => v.startsWith(SM) && !fleet.secrets.some((s) => v.startsWith(s.ARN)),
        ),
    ],
    [
      'a bare secret name read as a parameter',
      'web-admin',
      (n) => valueFroms(n).includes('web-recaptcha'),
    ],
    [
      'a stage in the version-id field',
      'batch-sftp-sync',
      (n) => valueFroms(n).some((v) => v.endsWith('::AWSCURRENT')),
    ],
  ])('demonstrates %s in %s', (_case, name, holds) => {
    expect(holds(name)).toBe(true);
  });

  it('looks like a real account: several clusters, services and shared secrets', () => {
    const consumers = new Map<string, Set<string>>();
    for (const s of fleet.services) {
      const td = index.taskDefinitionsByArn.get(s.taskDefinition);
      for (const ref of collectReferences(fleet, s, td).references) {
        if (ref.secret === null) continue;
        const names = consumers.get(ref.secret.ARN) ?? new Set();
        consumers.set(ref.secret.ARN, names.add(s.serviceName));
      }
    }

    expect(fleet.clusters.length).toBeGreaterThanOrEqual(3);
    expect(fleet.services.length).toBeGreaterThanOrEqual(12);
    expect(fleet.secrets.length).toBeGreaterThanOrEqual(8);
    const shared = [...consumers.values()].filter((names) => names.size > 1);
    expect(shared.length).toBeGreaterThanOrEqual(5);
  });

  it('holds a secret pending deletion that a service references', () => {
    const deleted = fleet.secrets.filter((s) => s.DeletedDate !== undefined);

    expect(deleted.map((s) => s.Name)).toEqual(['prod/legacy/old-smtp']);
    expect(valueFroms('batch-mailer').some((v) => v.startsWith(deleted[0]!.ARN))).toBe(
      true,
    );
  });

  it('records a rotation after some PRIMARY deployments of its consumers', () => {
    const db = fleet.secrets.find((s) => s.Name === 'prod/payments/db')!;
    const moved = fleet.records?.find(
      (r) => r.secretArn === db.ARN && r.label === 'AWSCURRENT',
    );
    const current = Object.entries(db.VersionIdsToStages ?? {}).find(([, stages]) =>
      stages.includes('AWSCURRENT'),
    );
    const deployedAt = (name: string) =>
      service(name).deployments.find((d) => d.status === 'PRIMARY')!.createdAt;

    expect(moved?.versionId).toBe(current?.[0]);
    expect(deployedAt('payments-api') < moved!.movedAt).toBe(true);
    expect(deployedAt('payments-worker') > moved!.movedAt).toBe(true);
    expect(tasksOfService(index, service('payments-api')).length).toBeGreaterThan(0);
  });

  it('keeps every record on a version that still holds its label', () => {
    const stale = (fleet.records ?? []).filter((record) => {
      const secret = index.secretsByArn.get(record.secretArn);
      return !secret?.VersionIdsToStages?.[record.versionId]?.includes(record.label);
    });

    expect(stale).toEqual([]);
  });
});
