import { z } from 'zod';
import { normaliseTimestamp } from './timestamp.js';

const TIMESTAMP_EXPECTED = 'expected an ISO-8601 time or epoch seconds';

/**
 * A timestamp as AWS tools print it: an ISO-8601 string (CLI v2), epoch
 * seconds (CLI v1 prints floats) or a Date (SDK). Normalised to ISO-8601 UTC.
 */
export const Timestamp = z
  .union([z.string(), z.number(), z.date()], { error: TIMESTAMP_EXPECTED })
  .transform((value, ctx) => {
    const iso = normaliseTimestamp(value);
    if (iso === null) {
      ctx.addIssue({ code: 'custom', message: TIMESTAMP_EXPECTED });
      return z.NEVER;
    }
    return iso;
  });

/**
 * A policy document as printed: an object, a JSON string, or a URL-encoded
 * JSON string. Decode it with `policyDocument` (lib/snapshot/policy.ts).
 */
const PolicyDocument = z.union([z.string(), z.record(z.string(), z.unknown())], {
  error: 'expected a policy document (an object or a JSON string)',
});

const KeyValue = z.looseObject({ name: z.string(), value: z.string().optional() });
const Tag = z.looseObject({ key: z.string(), value: z.string().optional() });
const ValueFrom = z.looseObject({ name: z.string(), valueFrom: z.string() });

export const ClusterSchema = z.looseObject({
  clusterArn: z.string(),
  clusterName: z.string().optional(),
  status: z.string().optional(),
});

export const DeploymentSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  taskDefinition: z.string().optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp.optional(),
  rolloutState: z.string().optional(),
  desiredCount: z.number().optional(),
  runningCount: z.number().optional(),
  launchType: z.string().optional(),
  platformVersion: z.string().optional(),
});

export const AwsVpcConfigurationSchema = z.looseObject({
  subnets: z.array(z.string()).default([]),
  securityGroups: z.array(z.string()).default([]),
  assignPublicIp: z.string().optional(),
});

export const ServiceSchema = z.looseObject({
  serviceArn: z.string(),
  serviceName: z.string(),
  clusterArn: z.string(),
  status: z.string(),
  taskDefinition: z.string(),
  deployments: z.array(DeploymentSchema).default([]),
  desiredCount: z.number().optional(),
  runningCount: z.number().optional(),
  launchType: z.string().optional(),
  platformVersion: z.string().optional(),
  createdAt: Timestamp.optional(),
  networkConfiguration: z
    .looseObject({ awsvpcConfiguration: AwsVpcConfigurationSchema.optional() })
    .optional(),
  tags: z.array(Tag).default([]),
});

export const ContainerDefinitionSchema = z.looseObject({
  name: z.string(),
  image: z.string().optional(),
  environment: z.array(KeyValue).default([]),
  secrets: z.array(ValueFrom).default([]),
  logConfiguration: z
    .looseObject({
      logDriver: z.string(),
      options: z.record(z.string(), z.string()).optional(),
      secretOptions: z.array(ValueFrom).default([]),
    })
    .optional(),
  repositoryCredentials: z.looseObject({ credentialsParameter: z.string() }).optional(),
});

export const TaskDefinitionSchema = z.looseObject({
  taskDefinitionArn: z.string(),
  family: z.string(),
  revision: z.number(),
  status: z.string().optional(),
  executionRoleArn: z.string().optional(),
  taskRoleArn: z.string().optional(),
  networkMode: z.string().optional(),
  requiresCompatibilities: z.array(z.string()).optional(),
  containerDefinitions: z.array(ContainerDefinitionSchema),
  registeredAt: Timestamp.optional(),
  deregisteredAt: Timestamp.optional(),
});

export const TaskSchema = z.looseObject({
  taskArn: z.string(),
  clusterArn: z.string(),
  taskDefinitionArn: z.string(),
  group: z.string().optional(),
  startedBy: z.string().optional(),
  lastStatus: z.string().optional(),
  desiredStatus: z.string().optional(),
  createdAt: Timestamp.optional(),
  startedAt: Timestamp.optional(),
  stoppedAt: Timestamp.optional(),
  pullStartedAt: Timestamp.optional(),
  pullStoppedAt: Timestamp.optional(),
  stoppingAt: Timestamp.optional(),
  executionStoppedAt: Timestamp.optional(),
  stopCode: z.string().optional(),
  stoppedReason: z.string().optional(),
  launchType: z.string().optional(),
  platformVersion: z.string().optional(),
});

export const SecretVersionSchema = z.looseObject({
  VersionId: z.string(),
  VersionStages: z.array(z.string()).default([]),
  CreatedDate: Timestamp.optional(),
  LastAccessedDate: Timestamp.optional(),
});

export const SecretSchema = z.looseObject({
  ARN: z.string(),
  Name: z.string(),
  KmsKeyId: z.string().optional(),
  RotationEnabled: z.boolean().optional(),
  RotationLambdaARN: z.string().optional(),
  LastRotatedDate: Timestamp.optional(),
  LastChangedDate: Timestamp.optional(),
  LastAccessedDate: Timestamp.optional(),
  DeletedDate: Timestamp.optional(),
  CreatedDate: Timestamp.optional(),
  NextRotationDate: Timestamp.optional(),
  RotationRules: z.looseObject({}).optional(),
  PrimaryRegion: z.string().optional(),
  OwningService: z.string().optional(),
  VersionIdsToStages: z.record(z.string(), z.array(z.string())).optional(),
  /** The same map as list-secrets names it; copied to VersionIdsToStages on load. */
  SecretVersionsToStages: z.record(z.string(), z.array(z.string())).optional(),
  Tags: z
    .array(z.looseObject({ Key: z.string(), Value: z.string().optional() }))
    .optional(),
  /** get-resource-policy .ResourcePolicy; null when the secret has none. */
  ResourcePolicy: PolicyDocument.nullable().optional(),
  /** list-secret-version-ids .Versions */
  Versions: z.array(SecretVersionSchema).optional(),
});

/** list-secrets prints the stage map as SecretVersionsToStages; describe-secret as VersionIdsToStages. */
function withVersionIdsToStages<T extends z.output<typeof SecretSchema>>(secret: T): T {
  if (
    secret.VersionIdsToStages !== undefined ||
    secret.SecretVersionsToStages === undefined
  ) {
    return secret;
  }
  return { ...secret, VersionIdsToStages: secret.SecretVersionsToStages };
}

export const SsmParameterSchema = z.looseObject({
  Name: z.string(),
  ARN: z.string().optional(),
  Type: z.string().optional(),
  KeyId: z.string().optional(),
  LastModifiedDate: Timestamp.optional(),
  Version: z.number().optional(),
});

export const IamRoleEntrySchema = z.looseObject({
  Role: z.looseObject({
    Arn: z.string(),
    RoleName: z.string(),
    PermissionsBoundary: z
      .looseObject({
        PermissionsBoundaryArn: z.string(),
        PermissionsBoundaryType: z.string().optional(),
      })
      .optional(),
    AssumeRolePolicyDocument: PolicyDocument.optional(),
  }),
  RolePolicies: z
    .array(z.looseObject({ PolicyName: z.string(), PolicyDocument: PolicyDocument }))
    .default([]),
  AttachedPolicies: z
    .array(
      z.looseObject({
        PolicyArn: z.string(),
        PolicyName: z.string().optional(),
        Document: PolicyDocument.optional(),
      }),
    )
    .default([]),
  /** The permission boundary's policy document, when the role has one. */
  PermissionsBoundaryDocument: PolicyDocument.optional(),
});

export const KmsKeyEntrySchema = z.looseObject({
  KeyMetadata: z.looseObject({
    KeyId: z.string(),
    Arn: z.string(),
    KeyManager: z.string().optional(),
    KeyState: z.string().optional(),
    Enabled: z.boolean().optional(),
  }),
  Policy: PolicyDocument.optional(),
  Aliases: z
    .array(z.looseObject({ AliasName: z.string(), AliasArn: z.string().optional() }))
    .optional(),
});

const looseList = z.array(z.looseObject({}));

export const Ec2SectionSchema = z.looseObject({
  Vpcs: looseList.optional(),
  Subnets: looseList.optional(),
  RouteTables: looseList.optional(),
  SecurityGroups: looseList.optional(),
  VpcEndpoints: looseList.optional(),
  NetworkAcls: looseList.optional(),
  NatGateways: looseList.optional(),
  InternetGateways: looseList.optional(),
  VpcAttributes: z
    .array(
      z.looseObject({
        VpcId: z.string(),
        EnableDnsSupport: z.looseObject({ Value: z.boolean() }).optional(),
        EnableDnsHostnames: z.looseObject({ Value: z.boolean() }).optional(),
      }),
    )
    .optional(),
});

export const RecordSource = z.enum(['event', 'resync', 'creation']);

export const LabelRecordSchema = z.strictObject({
  secretArn: z.string(),
  label: z.string(),
  versionId: z.string(),
  movedAt: Timestamp,
  source: RecordSource,
});

/**
 * The snapshot document, schema version 1. Sections after `secrets` are
 * optional: a missing section means "not observed", and the checks that need
 * it report Unverifiable.
 */
export const SnapshotSchema = z.looseObject({
  schemaVersion: z.literal(1),
  capturedAt: Timestamp,
  account: z.string().regex(/^\d{12}$/, 'expected a 12-digit account id'),
  region: z.string().min(1),
  partition: z.string().optional(),
  clusters: z.array(ClusterSchema),
  services: z.array(ServiceSchema),
  taskDefinitions: z.array(TaskDefinitionSchema),
  tasks: z.array(TaskSchema).optional(),
  secrets: z.array(SecretSchema.transform(withVersionIdsToStages)),
  ssmParameters: z.array(SsmParameterSchema).optional(),
  iam: z.looseObject({ roles: z.array(IamRoleEntrySchema) }).optional(),
  kms: z.looseObject({ keys: z.array(KmsKeyEntrySchema) }).optional(),
  ec2: Ec2SectionSchema.optional(),
  records: z.array(LabelRecordSchema).optional(),
});
