import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  type IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import type { SeededSecrets } from './seed-secrets.js';

export type SeededRoles = {
  /** Execution role that may read and decrypt every demo secret. */
  execution: string;
  /** Execution role that may read only the reporting token, not the database secret. */
  restricted: string;
  /** Task role of the runtime consumer: reads the database secret itself. */
  signalTask: string;
  /** Customer-managed policy for logs, attached to both execution roles. */
  logsPolicy: string;
};

const ECS_TASKS_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'ecs-tasks.amazonaws.com' },
      Action: 'sts:AssumeRole',
    },
  ],
});

function allow(statements: { Action: string | string[]; Resource: string | string[] }[]) {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: statements.map((statement) => ({ Effect: 'Allow', ...statement })),
  });
}

/** Creates the execution and task roles of the demo fleet. */
export async function seedRoles(
  iam: IAMClient,
  options: { prefix: string; secrets: SeededSecrets },
): Promise<SeededRoles> {
  const { prefix, secrets } = options;

  const logs = await iam.send(
    new CreatePolicyCommand({
      PolicyName: `${prefix}-task-logs`,
      PolicyDocument: allow([
        { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' },
      ]),
    }),
  );
  const logsPolicy = logs.Policy!.Arn!;

  const role = async (name: string, inline: string): Promise<string> => {
    const created = await iam.send(
      new CreateRoleCommand({
        RoleName: name,
        AssumeRolePolicyDocument: ECS_TASKS_TRUST,
      }),
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: name,
        PolicyName: 'secrets',
        PolicyDocument: inline,
      }),
    );
    return created.Role!.Arn!;
  };

  const execution = await role(
    `${prefix}-execution`,
    allow([
      {
        Action: 'secretsmanager:GetSecretValue',
        Resource: [secrets.database.arn, secrets.apiKeys.arn, secrets.reporting.arn],
      },
      { Action: 'ssm:GetParameters', Resource: '*' },
      { Action: 'kms:Decrypt', Resource: secrets.kmsKeyArn },
    ]),
  );
  const restricted = await role(
    `${prefix}-execution-restricted`,
    allow([{ Action: 'secretsmanager:GetSecretValue', Resource: secrets.reporting.arn }]),
  );
  const signalTask = await role(
    `${prefix}-notifier-task`,
    allow([{ Action: 'secretsmanager:GetSecretValue', Resource: secrets.database.arn }]),
  );

  for (const name of [`${prefix}-execution`, `${prefix}-execution-restricted`]) {
    await iam.send(
      new AttachRolePolicyCommand({ RoleName: name, PolicyArn: logsPolicy }),
    );
  }
  return { execution, restricted, signalTask, logsPolicy };
}
