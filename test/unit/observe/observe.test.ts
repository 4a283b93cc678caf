import { DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Log } from '../../../lib/log.js';
import { silentLog } from '../../../lib/log.js';
import { observe } from '../../../lib/observe/observe.js';
import type { ObserveScope } from '../../../lib/observe/scope.js';
import { clearTaskDefinitionCache } from '../../../lib/observe/task-definitions.js';
import { parseSnapshot } from '../../../lib/snapshot/index.js';
import { accessDenied, fleet, mockFleet } from './fleet-mock.js';

const resync: ObserveScope = {
  clusters: [],
  services: null,
  tasks: [],
  secrets: [],
  drift: 'services',
};
const secretChanged: ObserveScope = {
  ...resync,
  secrets: ['db-password'],
  drift: 'consumers',
};

/** The Secrets Manager calls that read metadata only; none returns a value. */
const METADATA_READS = new Set([
  'ListSecretsCommand',
  'DescribeSecretCommand',
  'GetResourcePolicyCommand',
  'ListSecretVersionIdsCommand',
]);

function recordingLog(): Log & { warnings: Record<string, unknown>[] } {
  const warnings: Record<string, unknown>[] = [];
  return {
    ...silentLog,
    warn: (message, fields) => warnings.push({ message, ...fields }),
    warnings,
  };
}

describe('observe', () => {
  beforeEach(() => clearTaskDefinitionCache());

  it('produces a document the snapshot schema accepts when the fleet is read in full', async () => {
    const { clients } = mockFleet();

    const document = await observe(clients, resync, {
      log: silentLog,
      account: fleet.account,
    });

    const snapshot = parseSnapshot(JSON.parse(JSON.stringify(document)), 'observed');
    expect(snapshot.services.map((s) => s.serviceName).sort()).toEqual([
      'reports',
      'web',
    ]);
    expect(snapshot.taskDefinitions).toHaveLength(2);
    expect(snapshot.iam?.roles.map((r) => r.Role.RoleName)).toEqual(['web-execution']);
    expect(snapshot.kms?.keys.map((k) => k.KeyMetadata.KeyManager)).toEqual(['CUSTOMER']);
    expect(snapshot.ec2?.VpcAttributes).toEqual([
      {
        VpcId: 'vpc-0main',
        EnableDnsSupport: { Value: true },
        EnableDnsHostnames: { Value: true },
      },
    ]);
    expect(snapshot.ssmParameters?.map((p) => p.Name)).toEqual(['/web/feature-flags']);
    expect(snapshot.records).toBeUndefined();
  });

  it('reads versions and policy of the changed secret when a secret changes', async () => {
    const { clients } = mockFleet();

    const document = await observe(clients, secretChanged, {
      log: silentLog,
      account: fleet.account,
    });

    const secret = document.secrets.find((s) => s.Name === 'db-password');
    expect(secret?.Versions?.map((v) => v.VersionId)).toEqual(['v2', 'v1']);
    expect(secret?.ResourcePolicy).toBeNull();
    const untouched = document.secrets.find((s) => s.Name === 'reporting-token');
    expect(untouched?.Versions).toBeUndefined();
  });

  it('reads drift sections only for consumers of the secret when a secret changes', async () => {
    const { clients, mocks } = mockFleet();

    const document = await observe(clients, secretChanged, {
      log: silentLog,
      account: fleet.account,
    });

    expect(document.services).toHaveLength(2);
    const roleNames = mocks.iam
      .commandCalls(GetRoleCommand)
      .map((c) => c.args[0].input.RoleName);
    const subnetFilters = mocks.ec2
      .commandCalls(DescribeSubnetsCommand)
      .map((c) => c.args[0].input.Filters?.[0]);
    expect(roleNames).toEqual(['web-execution']);
    expect(subnetFilters[0]).toEqual({ Name: 'subnet-id', Values: ['subnet-0aaa'] });
  });

  it.each([
    { trigger: 'a full resync', scope: resync },
    { trigger: 'a secret change', scope: secretChanged },
  ])('reads only secret metadata, never a value, for $trigger', async ({ scope }) => {
    const { clients, mocks } = mockFleet();

    await observe(clients, scope, { log: silentLog, account: fleet.account });

    const sent = (mock: { calls: () => { args: unknown[] }[] }) =>
      mock.calls().map((call) => (call.args[0] as object).constructor.name);
    const secretReads = sent(mocks.secretsManager);
    expect(secretReads.length).toBeGreaterThan(0);
    expect(secretReads.filter((name) => !METADATA_READS.has(name))).toEqual([]);
    expect(
      sent(mocks.ssm).filter((name) => name !== 'DescribeParametersCommand'),
    ).toEqual([]);
    expect(sent(mocks.kms)).not.toContain('DecryptCommand');
  });

  it('leaves the iam section out and warns when IAM denies access', async () => {
    const { clients, mocks } = mockFleet();
    mocks.iam.on(GetRoleCommand).rejects(accessDenied());
    const log = recordingLog();

    const document = await observe(clients, resync, { log, account: fleet.account });

    expect(document.iam).toBeUndefined();
    expect(document.kms?.keys).toHaveLength(1);
    expect(log.warnings).toEqual([
      expect.objectContaining({ section: 'iam', error: 'AccessDenied' }),
    ]);
  });

  it('leaves the kms section out when KMS denies access', async () => {
    const { clients, mocks } = mockFleet();
    mocks.kms.on(DescribeKeyCommand).rejects(accessDenied());

    const document = await observe(clients, resync, {
      log: silentLog,
      account: fleet.account,
    });

    expect(document.kms).toBeUndefined();
    expect(document.iam?.roles).toHaveLength(1);
    expect(() => parseSnapshot(JSON.parse(JSON.stringify(document)), 'x')).not.toThrow();
  });

  it('reports each step to the progress callback when one is given', async () => {
    const { clients } = mockFleet();
    const steps: string[] = [];

    await observe(clients, resync, {
      log: silentLog,
      account: fleet.account,
      progress: (step) => steps.push(step),
    });

    expect(steps).toContain('services');
    expect(steps.at(-1)).toBe('done');
  });
});
