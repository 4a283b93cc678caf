import { describe, expect, it } from 'vitest';
import { serviceConsumer } from '../../../lib/decide/checks.js';
import { DEFAULT_POLICY } from '../../../lib/decide/policy.js';
import { checkConsumer, endpointRoutes } from '../../../lib/drift/index.js';
import type { SubnetPath } from '../../../lib/drift/network/index.js';
import { collectReferences } from '../../../lib/refs/index.js';
import type { Snapshot } from '../../../lib/snapshot/types.js';
import { fleet, fleetNow, fleetSecret } from './fleet.js';

const VPCE = 'vpce-0a1f2e3d4c5b6a798';
const DB = fleetSecret('prod/payments/db-Tq3Zp8');

type Mutation = (snapshot: Snapshot) => Snapshot;

function denyUnlessVpce(vpce: string): Mutation {
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'OnlyThroughEndpoint',
        Effect: 'Deny',
        Principal: '*',
        Action: 'secretsmanager:GetSecretValue',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:SourceVpce': vpce } },
      },
    ],
  };
  return (snapshot) => ({
    ...snapshot,
    secrets: snapshot.secrets.map((secret) =>
      secret.ARN === DB ? { ...secret, ResourcePolicy: JSON.stringify(policy) } : secret,
    ),
  });
}

const endpointForOtherAccount: Mutation = (snapshot) => {
  const policy = {
    Statement: [
      {
        Sid: 'OtherAccountOnly',
        Effect: 'Allow',
        Principal: '*',
        Action: '*',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalAccount': '444455556666' } },
      },
    ],
  };
  const ec2 = snapshot.ec2 ?? {};
  return {
    ...snapshot,
    ec2: {
      ...ec2,
      VpcEndpoints: (ec2.VpcEndpoints ?? []).map((endpoint) =>
        endpoint.VpcEndpointId === VPCE
          ? { ...endpoint, PolicyDocument: JSON.stringify(policy) }
          : endpoint,
      ),
    },
  };
};

function driftOf(mutate: Mutation, serviceName: string) {
  const snapshot = mutate(fleet());
  const service = snapshot.services.find((entry) => entry.serviceName === serviceName);
  if (service === undefined) throw new Error(`no ${serviceName} in the fleet`);
  const taskDefinition = snapshot.taskDefinitions.find(
    (td) => td.taskDefinitionArn === service.taskDefinition,
  );
  const refs = collectReferences(snapshot, service, taskDefinition).references;
  const consumer = serviceConsumer(service, taskDefinition);
  return checkConsumer(snapshot, consumer, refs, DEFAULT_POLICY, {
    now: fleetNow(snapshot),
  });
}

function path(
  subnetId: string,
  service: SubnetPath['service'],
  vpceId?: string,
): SubnetPath {
  const endpoint =
    vpceId === undefined ? {} : { endpoint: { vpceId, vpcId: 'vpc-1', policy: null } };
  return {
    subnetId,
    service,
    kind: vpceId ? 'endpoint' : 'nat',
    evidence: {},
    ...endpoint,
  };
}

describe('consumer', () => {
  it.each([
    {
      when: 'the secret policy requires the endpoint the tasks go through',
      mutate: denyUnlessVpce(VPCE),
      codes: [],
    },
    {
      when: 'the secret policy requires another endpoint',
      mutate: denyUnlessVpce('vpce-0ffffffffffffffff'),
      codes: ['SecretPolicyDenies'],
    },
    {
      when: 'the endpoint policy admits another account only',
      mutate: endpointForOtherAccount,
      codes: ['EndpointPolicyDenies'],
    },
  ])('evaluates the path through the endpoint when $when', ({ mutate, codes }) => {
    const drift = driftOf(mutate, 'payments-api');

    const critical = drift.findings.filter((f) => f.severity === 'critical');
    expect([...new Set(critical.map((f) => f.code))]).toEqual(codes);
    for (const finding of critical) {
      expect(finding.evidence).toMatchObject({
        action: 'secretsmanager:GetSecretValue',
        blockedBy: finding.code === 'SecretPolicyDenies' ? 'resource' : 'endpoint',
      });
      if (finding.code === 'SecretPolicyDenies') {
        expect(finding.secretArn).toBe(DB);
        expect(finding.evidence.deciding).toEqual([
          expect.objectContaining({ sid: 'OnlyThroughEndpoint', layer: 'resource' }),
        ]);
      }
    }
    expect(drift.paths.every((p) => p.endpointId === VPCE)).toBe(true);
  });

  it.each([
    { when: 'there are no paths', paths: [], routes: [{}] },
    {
      when: 'every subnet uses one endpoint',
      paths: [
        path('a', 'secretsmanager', 'vpce-1'),
        path('b', 'secretsmanager', 'vpce-1'),
      ],
      routes: [{ endpoint: 'vpce-1', ssmEndpoint: null }],
    },
    {
      when: 'one subnet goes through the endpoint and one over NAT',
      paths: [path('a', 'secretsmanager', 'vpce-1'), path('b', 'secretsmanager')],
      routes: [
        { endpoint: 'vpce-1', ssmEndpoint: null },
        { endpoint: null, ssmEndpoint: null },
      ],
    },
    {
      when: 'Secrets Manager and SSM use their own endpoints',
      paths: [path('a', 'secretsmanager', 'vpce-1'), path('a', 'ssm', 'vpce-2')],
      routes: [{ endpoint: 'vpce-1', ssmEndpoint: 'vpce-2' }],
    },
  ])('lists each endpoint combination once when $when', ({ paths, routes }) => {
    const found = endpointRoutes(paths).map((route) =>
      route.endpoint === undefined
        ? {}
        : {
            endpoint: route.endpoint?.vpceId ?? null,
            ssmEndpoint: route.ssmEndpoint?.vpceId ?? null,
          },
    );

    expect(found).toEqual(routes);
  });
});
