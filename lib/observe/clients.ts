import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ECSClient } from '@aws-sdk/client-ecs';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';

/** Every AWS client the controller uses, made once by an entry point and passed in. */
export type AwsClients = {
  ecs: ECSClient;
  secretsManager: SecretsManagerClient;
  ssm: SSMClient;
  ec2: EC2Client;
  iam: IAMClient;
  kms: KMSClient;
  sts: STSClient;
  eventBridge: EventBridgeClient;
  dynamodb: DynamoDBClient;
};

export type ClientOptions = {
  region: string;
  /** Endpoint override (the local emulator); undefined for real AWS. */
  endpoint?: string | undefined;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
};

/**
 * Creates the clients with adaptive retry, so throttled list and describe
 * calls back off instead of failing.
 */
export function createClients(options: ClientOptions): AwsClients {
  const config = {
    region: options.region,
    retryMode: 'adaptive',
    maxAttempts: 8,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  };
  return {
    ecs: new ECSClient(config),
    secretsManager: new SecretsManagerClient(config),
    ssm: new SSMClient(config),
    ec2: new EC2Client(config),
    iam: new IAMClient(config),
    kms: new KMSClient(config),
    sts: new STSClient(config),
    eventBridge: new EventBridgeClient(config),
    dynamodb: new DynamoDBClient(config),
  };
}
