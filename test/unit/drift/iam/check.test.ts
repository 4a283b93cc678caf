import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkRoles,
  explainRole,
  type RoleCheckOptions,
} from '../../../../lib/drift/iam/index.js';
import type { Consumer } from '../../../../lib/drift/types.js';
import type { FindingCode } from '../../../../lib/plan/vocabulary.js';
import { collectReferences } from '../../../../lib/refs/index.js';
import { parseSnapshot } from '../../../../lib/snapshot/index.js';
import type { SnapshotInput } from '../../../../lib/snapshot/types.js';

type Raw = SnapshotInput & Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited as loose JSON
type Loose = any;

const FIXTURE = new URL('../../../fixtures/iam/roles-snapshot.json', import.meta.url);
const OTHER = '444455556666';
const EXEC_ARN = 'arn:aws:iam::111122223333:role/app/api-exec';
const SHARED_ARN = `arn:aws:secretsmanager:us-east-1:${OTHER}:secret:shared/token-QwE456`;

function base(): Raw {
  return JSON.parse(readFileSync(FIXTURE, 'utf8'));
}

const execStatements = (raw: Loose) =>
  raw.iam.roles[0].RolePolicies[0].PolicyDocument.Statement;
const taskDefinition = (raw: Loose) => raw.taskDefinitions[0];
const dbSecret = (raw: Loose) => raw.secrets[0];

function addSharedSecret(raw: Loose, extra: Record<string, unknown> = {}): void {
  raw.secrets.push({ ARN: SHARED_ARN, Name: 'shared/token', Tags: [], ...extra });
  taskDefinition(raw).containerDefinitions[0].secrets.push({
    name: 'SHARED_TOKEN',
    valueFrom: SHARED_ARN,
  });
  execStatements(raw)[0].Resource = '*';
}

function run(edit: (raw: Loose) => void, options: RoleCheckOptions = {}) {
  const raw = base();
  edit(raw);
  const snapshot = parseSnapshot(raw, 'test');
  const service = snapshot.services[0]!;
  const td = snapshot.taskDefinitions[0]!;
  const consumer: Consumer = {
    kind: 'service',
    arn: service.serviceArn,
    clusterArn: service.clusterArn,
    taskDefinition: td,
    network: null,
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
  };
  const { references } = collectReferences(snapshot, service, td);
  return {
    snapshot,
    consumer,
    references,
    findings: checkRoles(snapshot, consumer, references, options),
  };
}

const endpoint = (principal: unknown) => ({
  vpceId: 'vpce-0a1b2c3d',
  vpcId: 'vpc-0f00ba11',
  policy: JSON.stringify({
    Statement: [{ Effect: 'Allow', Principal: principal, Action: '*', Resource: '*' }],
  }),
});

type Case = {
  code: FindingCode;
  raises: string;
  edit: (raw: Loose) => void;
  options?: RoleCheckOptions;
};

const noEdit = () => {};

const cases: { raise: Case; nearMiss: Case }[] = [
  {
    raise: {
      code: 'ExecutionRoleMissing',
      raises: 'the execution role is not in the iam section',
      edit: (raw) => raw.iam.roles.shift(),
    },
    nearMiss: {
      code: 'ExecutionRoleMissing',
      raises: 'the role ARN carries its path',
      edit: noEdit,
    },
  },
  {
    raise: {
      code: 'ExecutionRoleCannotReadSecret',
      raises: 'the identity policy grants other secrets only',
      edit: (raw) => {
        execStatements(raw)[0].Resource =
          'arn:aws:secretsmanager:us-east-1:111122223333:secret:web/*';
      },
    },
    nearMiss: {
      code: 'ExecutionRoleCannotReadSecret',
      raises: 'the grant names the secret with a six-character wildcard suffix',
      edit: (raw) => {
        execStatements(raw)[0].Resource =
          'arn:aws:secretsmanager:us-east-1:111122223333:secret:api/db-??????';
      },
    },
  },
  {
    raise: {
      code: 'ExecutionRoleCannotDecrypt',
      raises: 'the key policy does not delegate to IAM',
      edit: (raw) => {
        raw.kms.keys[0].Policy = JSON.stringify({
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: 'arn:aws:iam::111122223333:role/admin' },
              Action: 'kms:*',
              Resource: '*',
            },
          ],
        });
      },
    },
    nearMiss: {
      code: 'ExecutionRoleCannotDecrypt',
      raises: 'the key policy grants the role directly under kms:ViaService',
      edit: (raw) => {
        raw.kms.keys[0].Policy = JSON.stringify({
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: EXEC_ARN },
              Action: 'kms:Decrypt',
              Resource: '*',
              Condition: {
                StringEquals: {
                  'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com',
                },
              },
            },
          ],
        });
      },
    },
  },
  {
    raise: {
      code: 'SecretPolicyDenies',
      raises: 'the secret policy denies everyone outside another role',
      edit: (raw) => {
        dbSecret(raw).ResourcePolicy = JSON.stringify({
          Statement: [
            {
              Effect: 'Deny',
              Principal: '*',
              Action: 'secretsmanager:GetSecretValue',
              Resource: '*',
              Condition: {
                ArnNotEquals: {
                  'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/other',
                },
              },
            },
          ],
        });
      },
    },
    nearMiss: {
      code: 'SecretPolicyDenies',
      raises: 'the deny needs a VersionStage that ECS does not send for this reference',
      edit: (raw) => {
        dbSecret(raw).ResourcePolicy = JSON.stringify({
          Statement: [
            {
              Effect: 'Deny',
              Principal: '*',
              Action: 'secretsmanager:GetSecretValue',
              Resource: '*',
              Condition: {
                StringEquals: { 'secretsmanager:VersionStage': 'AWSPREVIOUS' },
              },
            },
          ],
        });
      },
    },
  },
  {
    raise: {
      code: 'SsmParameterAccessMissing',
      raises: 'no statement allows ssm:GetParameters',
      edit: (raw) => execStatements(raw).pop(),
    },
    nearMiss: {
      code: 'SsmParameterAccessMissing',
      raises: 'ssm:GetParameters is allowed on every parameter',
      edit: (raw) => {
        execStatements(raw)[2].Resource = '*';
      },
    },
  },
  {
    raise: {
      code: 'TaskRoleCannotReadSecret',
      raises: 'the task role grants another secret',
      edit: (raw) => {
        raw.iam.roles[1].RolePolicies[0].PolicyDocument = {
          Statement: [
            {
              Effect: 'Allow',
              Action: 'secretsmanager:GetSecretValue',
              Resource: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:web/*',
            },
          ],
        };
      },
    },
    nearMiss: {
      code: 'TaskRoleCannotReadSecret',
      raises: 'the task role grants it',
      edit: noEdit,
    },
  },
  {
    raise: {
      code: 'RoleAllowsAllSecrets',
      raises: 'the execution role reads Resource "*"',
      edit: (raw) => {
        execStatements(raw)[0].Resource = '*';
      },
    },
    nearMiss: {
      code: 'RoleAllowsAllSecrets',
      raises: 'the grant is scoped to a prefix',
      edit: noEdit,
    },
  },
  {
    raise: {
      code: 'CrossAccountDefaultKey',
      raises: 'a secret of another account uses the AWS managed key',
      edit: (raw) => addSharedSecret(raw),
    },
    nearMiss: {
      code: 'CrossAccountDefaultKey',
      raises: 'the secret of another account names a customer key',
      edit: (raw) =>
        addSharedSecret(raw, { KmsKeyId: `arn:aws:kms:us-east-1:${OTHER}:key/shared` }),
    },
  },
  {
    raise: {
      code: 'EndpointPolicyDenies',
      raises: 'the endpoint policy admits another account only',
      edit: noEdit,
      options: { endpoint: endpoint({ AWS: `arn:aws:iam::${OTHER}:root` }) },
    },
    nearMiss: {
      code: 'EndpointPolicyDenies',
      raises: 'the endpoint policy admits everyone',
      edit: noEdit,
      options: { endpoint: endpoint('*') },
    },
  },
  {
    raise: {
      code: 'Unverifiable',
      raises: 'the snapshot has no iam section',
      edit: (raw) => {
        delete raw.iam;
      },
    },
    nearMiss: {
      code: 'Unverifiable',
      raises: 'the iam section is present',
      edit: noEdit,
    },
  },
  {
    raise: {
      code: 'Unverifiable',
      raises: 'the only grant depends on a key the evaluator does not model',
      edit: (raw) => {
        execStatements(raw)[0].Condition = { Bool: { 'aws:SecureTransport': 'true' } };
      },
    },
    nearMiss: {
      code: 'Unverifiable',
      raises: 'the grant depends on a secret tag the snapshot holds',
      edit: (raw) => {
        execStatements(raw)[0].Condition = {
          StringEquals: { 'aws:ResourceTag/team': 'payments' },
        };
      },
    },
  },
];

describe('check', () => {
  it.each(cases.map((c) => c.raise))(
    'raises $code when $raises',
    ({ code, edit, options }) => {
      const { findings } = run(edit, options);

      expect(findings.map((f) => f.code)).toContain(code);
    },
  );

  it.each(cases.map((c) => c.nearMiss))(
    'does not raise $code when $raises',
    ({ code, edit, options }) => {
      const { findings } = run(edit, options);

      expect(findings.map((f) => f.code)).not.toContain(code);
    },
  );

  it('reports nothing when every role can fetch every secret', () => {
    expect(run(noEdit).findings).toEqual([]);
  });

  it('names the deciding statement in the evidence when a policy denies', () => {
    const { findings } = run((raw) => {
      execStatements(raw).push({
        Sid: 'NoDatabaseSecrets',
        Effect: 'Deny',
        Action: 'secretsmanager:*',
        Resource: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:api/db-*',
      });
    });

    const finding = findings.find((f) => f.code === 'ExecutionRoleCannotReadSecret');
    expect(finding?.evidence).toMatchObject({
      result: 'explicitDeny',
      blockedBy: 'identity',
      deciding: [
        { policy: 'api-exec/fetch-secrets', sid: 'NoDatabaseSecrets', index: 3 },
      ],
      references: [{ container: 'api', name: 'DB_PASSWORD', kind: 'environment' }],
    });
  });

  it('merges references that fail the same way into one finding', () => {
    const { findings } = run((raw) => {
      execStatements(raw).splice(0, 1);
      taskDefinition(raw).containerDefinitions[0].secrets.push({
        name: 'DB_USER',
        valueFrom:
          'arn:aws:secretsmanager:us-east-1:111122223333:secret:api/db-AbC123:username::',
      });
    });

    const cannotRead = findings.filter((f) => f.code === 'ExecutionRoleCannotReadSecret');
    expect(cannotRead).toHaveLength(1);
    expect(cannotRead[0]?.evidence.references).toHaveLength(2);
  });

  it('explains each reference with the role, the requests and the deciding statements', () => {
    const { snapshot, consumer, references } = run(noEdit);

    const explained = explainRole(snapshot, consumer, references);

    expect(
      explained.map((e) => [e.reference.name, e.role, e.checks.map((c) => c.purpose)]),
    ).toEqual([
      ['DB_PASSWORD', 'execution', ['readSecret', 'decrypt']],
      ['FEATURE_FLAG', 'execution', ['readParameter']],
      ['secret-reconciler/secrets', 'task', ['readSecret']],
    ]);
    expect(explained[0]?.checks[0]?.decision.deciding[0]).toMatchObject({
      sid: 'ReadSecrets',
    });
  });
});
