import { arnOf, type FleetContext } from './context.js';
import type { SecretInfo } from './secrets.js';
import type { Grants } from './services.js';

const TRUST = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'ecs-tasks.amazonaws.com' },
      Action: 'sts:AssumeRole',
    },
  ],
};

const MANAGED_EXECUTION_POLICY = {
  PolicyName: 'AmazonECSTaskExecutionRolePolicy',
  PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
  Document: {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: [
          'ecr:GetAuthorizationToken',
          'ecr:BatchGetImage',
          'ecr:GetDownloadUrlForLayer',
          'logs:CreateLogStream',
          'logs:PutLogEvents',
        ],
        Resource: '*',
      },
    ],
  },
};

/** Grants name a secret as teams write them: the name with a `-??????` suffix wildcard. */
function secretPattern(context: FleetContext, secret: SecretInfo): string {
  return arnOf(context, 'secretsmanager', `secret:${secret.name}-??????`);
}

function readStatements(
  context: FleetContext,
  secrets: SecretInfo[],
): Record<string, unknown>[] {
  const unique = [...new Map(secrets.map((s) => [s.arn, s])).values()];
  const keys = [...new Set(unique.flatMap((s) => (s.keyArn === null ? [] : [s.keyArn])))];
  return [
    {
      Sid: 'ReadSecrets',
      Effect: 'Allow',
      Action: 'secretsmanager:GetSecretValue',
      Resource: unique.map((s) => secretPattern(context, s)),
    },
    ...(keys.length === 0
      ? []
      : [
          {
            Sid: 'DecryptSecrets',
            Effect: 'Allow',
            Action: 'kms:Decrypt',
            Resource: keys,
            Condition: {
              StringEquals: {
                'kms:ViaService': `secretsmanager.${context.region}.amazonaws.com`,
              },
            },
          },
        ]),
  ];
}

function role(arn: string, statements: Record<string, unknown>[], managed: boolean) {
  const roleName = arn.slice(arn.indexOf('/') + 1);
  return {
    Role: {
      Path: '/',
      RoleName: roleName,
      Arn: arn,
      AssumeRolePolicyDocument: TRUST,
    },
    RolePolicies:
      statements.length === 0
        ? []
        : [
            {
              PolicyName: `${roleName}-secrets`,
              PolicyDocument: { Version: '2012-10-17', Statement: statements },
            },
          ],
    AttachedPolicies: managed ? [MANAGED_EXECUTION_POLICY] : [],
  };
}

/**
 * An execution role per service allowed to read and decrypt its injected
 * secrets (and its SSM parameters), a task role for runtime consumers. One
 * execution role in thirty misses a grant, and one in a hundred is absent,
 * so the role checks find something to report.
 */
export function generateRoles(
  context: FleetContext,
  grants: Grants[],
): Record<string, unknown>[] {
  const { random } = context;
  const roles: Record<string, unknown>[] = [];

  for (const grant of grants) {
    if (random.chance(0.01)) continue;
    const injected = random.chance(1 / 30) ? grant.injected.slice(1) : grant.injected;
    const parameters = [
      ...grant.parameters.map((name) => arnOf(context, 'ssm', `parameter${name}`)),
      ...(grant.ssmReferences
        ? [arnOf(context, 'ssm', 'parameter/aws/reference/secretsmanager/*')]
        : []),
    ];
    const statements = [
      ...readStatements(context, injected),
      ...(parameters.length === 0
        ? []
        : [
            {
              Sid: 'ReadParameters',
              Effect: 'Allow',
              Action: 'ssm:GetParameters',
              Resource: parameters,
            },
          ]),
    ];
    roles.push(role(grant.executionRoleArn, statements, true));
    const runtime =
      grant.runtime.length === 0 ? [] : readStatements(context, grant.runtime);
    roles.push(role(grant.taskRoleArn, runtime, false));
  }
  return roles;
}
