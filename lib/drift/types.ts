import type { TaskDefinition } from '../snapshot/types.js';

/** The awsvpc placement of a consumer's tasks. */
export type AwsVpcPlacement = {
  subnets: string[];
  securityGroups: string[];
  assignPublicIp: boolean;
};

/** A service or standalone task whose next task start must fetch secrets. */
export type Consumer = {
  kind: 'service' | 'task';
  /** serviceArn or taskArn. */
  arn: string;
  clusterArn: string;
  taskDefinition: TaskDefinition | undefined;
  /** Null when the task definition does not use awsvpc networking. */
  network: AwsVpcPlacement | null;
  launchType: string | null;
  platformVersion: string | null;
};

/** How tasks in one subnet reach a service endpoint (secretsmanager or ssm). */
export type PathKind = 'endpoint' | 'nat' | 'internet' | 'none' | 'unverifiable';
