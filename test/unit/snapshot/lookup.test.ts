import { describe, expect, it } from 'vitest';
import { snapshotIndex, tasksOfService } from '../../../lib/snapshot/index.js';
import {
  arn,
  buildService,
  buildSnapshot,
  buildTask,
  loadExampleFleet,
} from '../../support/snapshots.js';

describe('lookup', () => {
  it('finds services, task definitions, secrets and clusters by ARN when the fleet is indexed', () => {
    const fleet = loadExampleFleet();
    const index = snapshotIndex(fleet);

    for (const service of fleet.services) {
      expect(index.servicesByArn.get(service.serviceArn)).toBe(service);
      expect(index.clustersByArn.has(service.clusterArn)).toBe(true);
      expect(index.taskDefinitionsByArn.has(service.taskDefinition)).toBe(true);
    }
    expect(index.secretsByArn.size).toBe(fleet.secrets.length);
  });

  it('finds roles by ARN and keys by ARN, id and alias when the fleet is indexed', () => {
    const index = snapshotIndex(loadExampleFleet());
    const key =
      'arn:aws:kms:us-east-1:111122223333:key/1f4e2c8a-7b3d-4e9a-b5c6-0d2e8f1a3b7c';

    expect(index.rolesByArn.get(arn.role('payments-api-execution'))?.Role.RoleName).toBe(
      'payments-api-execution',
    );
    expect(index.kmsKeys.get(key)?.KeyMetadata.KeyManager).toBe('CUSTOMER');
    expect(
      index.kmsKeys.get('1f4e2c8a-7b3d-4e9a-b5c6-0d2e8f1a3b7c')?.KeyMetadata.Arn,
    ).toBe(key);
    expect(index.kmsKeys.get('alias/payments-secrets')?.KeyMetadata.Arn).toBe(key);
    expect(index.ssmParametersByName.has('/payments/fx/provider-url')).toBe(true);
  });

  it('groups tasks by cluster and service when two clusters run a service of the same name', () => {
    const snapshot = buildSnapshot({
      services: [
        buildService({ name: 'api', cluster: 'blue' }),
        buildService({ name: 'api', cluster: 'green' }),
      ],
      tasks: [
        buildTask({
          id: 't1',
          service: 'api',
          cluster: 'blue',
          createdAt: '2024-04-01T00:00:00Z',
        }),
        buildTask({
          id: 't2',
          service: 'api',
          cluster: 'blue',
          createdAt: '2024-04-01T00:00:00Z',
        }),
        buildTask({
          id: 't3',
          service: 'api',
          cluster: 'green',
          createdAt: '2024-04-01T00:00:00Z',
        }),
        buildTask({
          id: 't4',
          service: 'api',
          cluster: 'blue',
          createdAt: '2024-04-01T00:00:00Z',
          group: 'family:api',
        }),
      ],
    });
    const index = snapshotIndex(snapshot);
    const [blue, green] = snapshot.services;

    expect(tasksOfService(index, blue!).map((task) => task.taskArn)).toEqual([
      arn.task('blue', 't1'),
      arn.task('blue', 't2'),
    ]);
    expect(tasksOfService(index, green!).map((task) => task.taskArn)).toEqual([
      arn.task('green', 't3'),
    ]);
  });

  it('gives empty maps when the optional sections are absent', () => {
    const index = snapshotIndex(buildSnapshot());

    expect(index.rolesByArn.size).toBe(0);
    expect(index.kmsKeys.size).toBe(0);
    expect(index.ssmParametersByName.size).toBe(0);
    expect(index.tasksByGroup.size).toBe(0);
  });
});
