import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../lib/decide/policy.js';
import { planWithDrift } from '../../../lib/drift/index.js';
import { parseSnapshot } from '../../../lib/snapshot/index.js';
import { EXAMPLE_FLEET_PATH } from '../../support/snapshots.js';
import { fleet, fleetNow, resyncAt } from './fleet.js';

type Doc = Record<string, unknown> & {
  secrets: Record<string, unknown>[];
  services: Record<string, unknown>[];
  iam?: { roles: { RolePolicies: { PolicyDocument: unknown }[] }[] };
  ec2?: Record<string, Record<string, unknown>[]>;
};

/** The example fleet as plain JSON, for breaking one thing at a time. */
function fleetDocument(): Doc {
  return JSON.parse(JSON.stringify(fleet())) as Doc;
}

function eachRolePolicy(doc: Doc, document: unknown): Doc {
  for (const role of doc.iam?.roles ?? []) {
    for (const policy of role.RolePolicies) policy.PolicyDocument = document;
  }
  return doc;
}

function mutate(change: (doc: Doc) => void): Doc {
  const doc = fleetDocument();
  change(doc);
  return doc;
}

const STATEMENT = {
  Effect: 'Allow',
  Action: 'secretsmanager:GetSecretValue',
  Resource: '*',
};

describe('plan (hostile input)', () => {
  it.each<[string, Doc]>([
    ['no task definitions', mutate((d) => Object.assign(d, { taskDefinitions: [] }))],
    [
      'secrets without Versions or stage maps',
      mutate((d) => {
        for (const s of d.secrets) {
          delete s.Versions;
          delete s.VersionIdsToStages;
        }
      }),
    ],
    [
      'services with no PRIMARY deployment',
      mutate((d) => {
        for (const s of d.services) s.deployments = [];
      }),
    ],
    [
      'role policies that are not JSON',
      eachRolePolicy(fleetDocument(), '{"Statement": ['),
    ],
    [
      'role policies with Statement as an object',
      eachRolePolicy(fleetDocument(), { Statement: STATEMENT }),
    ],
    [
      'role policies with Statement as a string',
      eachRolePolicy(fleetDocument(), { Statement: 'x' }),
    ],
    [
      'role policies with an unknown condition operator',
      eachRolePolicy(fleetDocument(), {
        Statement: [{ ...STATEMENT, Condition: { StringLikeish: { 'aws:x': 'y' } } }],
      }),
    ],
    [
      'secret policies that are not JSON',
      mutate((d) => {
        for (const s of d.secrets) s.ResourcePolicy = '%%%{';
      }),
    ],
    [
      'subnets missing from ec2',
      mutate((d) => {
        if (d.ec2) d.ec2.Subnets = [];
      }),
    ],
    [
      'security groups missing from ec2',
      mutate((d) => {
        if (d.ec2) delete d.ec2.SecurityGroups;
      }),
    ],
    [
      'route tables with no routes',
      mutate((d) => {
        for (const table of d.ec2?.RouteTables ?? []) table.Routes = [];
      }),
    ],
    [
      'route tables with junk routes',
      mutate((d) => {
        for (const table of d.ec2?.RouteTables ?? [])
          table.Routes = [null, 'x', { a: 1 }];
      }),
    ],
    [
      'no iam, kms or ec2 sections',
      mutate((d) => Object.assign(d, { iam: undefined, kms: undefined, ec2: undefined })),
    ],
  ])('comes out as a plan when the snapshot has %s', (_case, document) => {
    const snapshot = parseSnapshot(document, EXAMPLE_FLEET_PATH);
    const now = fleetNow(snapshot);

    const plan = planWithDrift(snapshot, resyncAt(now), DEFAULT_POLICY, now);

    expect(plan.schemaVersion).toBe(1);
    expect(plan.references.length).toBeGreaterThanOrEqual(0);
  });

  it('reports unreadable role policies as Unverifiable rather than as allowed or denied', () => {
    const document = eachRolePolicy(fleetDocument(), '{"Statement": [');
    const snapshot = parseSnapshot(document, EXAMPLE_FLEET_PATH);
    const now = fleetNow(snapshot);

    const codes = planWithDrift(
      snapshot,
      resyncAt(now),
      DEFAULT_POLICY,
      now,
    ).findings.map((f) => f.code);

    expect(codes).toContain('Unverifiable');
    expect(codes).not.toContain('ExecutionRoleCannotReadSecret');
  });
});
