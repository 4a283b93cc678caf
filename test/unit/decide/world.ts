import type { SnapshotInput } from '../../../lib/snapshot/types.js';
import {
  ACCOUNT,
  CLUSTER,
  REGION,
  secretArn,
  secretInput,
  serviceInput,
  taskDefinitionInput,
} from './build.js';

/**
 * A small world for plan tables. db-password's AWSCURRENT moved to v2 at
 * MOVED (an event); stripe-token's at TOKEN_MOVED (a resync); api-key has
 * only an AWSPENDING write since; blue of db-password moved long ago.
 */
export const MOVED = '2024-05-20T00:00:00.000Z';
export const TOKEN_MOVED = '2024-05-22T00:00:00.000Z';
export const BEFORE = '2024-05-15T00:00:00.000Z';
export const AFTER = '2024-05-25T00:00:00.000Z';

export const DB = secretArn('db-password');
export const API = secretArn('api-key');
export const TOKEN = secretArn('stripe-token');

export const WEB_CLUSTER = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/web-prod`;

/** Version ids as Secrets Manager writes them (UUIDs). */
export const DB_V1 = 'db000001-aaaa-4bbb-8ccc-000000000001';
export const DB_V2 = 'db000002-aaaa-4bbb-8ccc-000000000002';
export const DB_BLUE = 'db000009-aaaa-4bbb-8ccc-000000000009';
export const API_K1 = 'a0000001-aaaa-4bbb-8ccc-000000000001';
export const API_K2 = 'a0000002-aaaa-4bbb-8ccc-000000000002';
export const TOKEN_T1 = 'c0000001-aaaa-4bbb-8ccc-000000000001';
export const TOKEN_T2 = 'c0000002-aaaa-4bbb-8ccc-000000000002';

export const secrets: SnapshotInput['secrets'] = [
  secretInput('db-password', [
    [DB_V1, ['AWSPREVIOUS'], '2024-01-01T00:00:00Z'],
    [DB_V2, ['AWSCURRENT'], '2024-05-01T00:00:00Z'],
    [DB_BLUE, ['blue'], '2024-02-01T00:00:00Z'],
  ]),
  secretInput('api-key', [
    [API_K1, ['AWSCURRENT'], '2024-01-10T00:00:00Z'],
    [API_K2, ['AWSPENDING'], '2024-05-28T00:00:00Z'],
  ]),
  secretInput('stripe-token', [
    [TOKEN_T1, ['AWSPREVIOUS'], '2024-01-01T00:00:00Z'],
    [TOKEN_T2, ['AWSCURRENT'], '2024-05-10T00:00:00Z'],
  ]),
];

export const records: NonNullable<SnapshotInput['records']> = [
  {
    secretArn: DB,
    label: 'AWSCURRENT',
    versionId: DB_V2,
    movedAt: MOVED,
    source: 'event',
  },
  {
    secretArn: DB,
    label: 'blue',
    versionId: DB_BLUE,
    movedAt: '2024-02-01T00:00:00Z',
    source: 'creation',
  },
  {
    secretArn: API,
    label: 'AWSCURRENT',
    versionId: API_K1,
    movedAt: '2024-01-10T00:00:00Z',
    source: 'creation',
  },
  {
    secretArn: TOKEN,
    label: 'AWSCURRENT',
    versionId: TOKEN_T2,
    movedAt: TOKEN_MOVED,
    source: 'resync',
  },
];

export type ServiceSpec = {
  name: string;
  valueFroms: string[];
  deployedAt?: string;
  extra?: Partial<SnapshotInput['services'][number]>;
};

/** Services with one task definition each, in the payments-prod cluster unless told. */
export function worldOf(specs: ServiceSpec[], parts: Partial<SnapshotInput> = {}) {
  return {
    clusters: [
      { clusterArn: CLUSTER, clusterName: 'payments-prod', status: 'ACTIVE' },
      { clusterArn: WEB_CLUSTER, clusterName: 'web-prod', status: 'ACTIVE' },
    ],
    secrets,
    records,
    services: specs.map((spec) =>
      serviceInput(spec.name, spec.deployedAt ?? BEFORE, spec.extra ?? {}),
    ),
    taskDefinitions: specs.map((spec) => taskDefinitionInput(spec.name, spec.valueFroms)),
    ...parts,
  } satisfies Partial<SnapshotInput>;
}
