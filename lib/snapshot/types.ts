import type { z } from 'zod';
import type {
  ClusterSchema,
  ContainerDefinitionSchema,
  DeploymentSchema,
  IamRoleEntrySchema,
  KmsKeyEntrySchema,
  LabelRecordSchema,
  SecretSchema,
  SecretVersionSchema,
  ServiceSchema,
  SnapshotSchema,
  SsmParameterSchema,
  TaskDefinitionSchema,
  TaskSchema,
} from './schema.js';

/** A snapshot after loading: every timestamp is an ISO-8601 UTC string. */
export type Snapshot = z.output<typeof SnapshotSchema>;
/** A snapshot as written to disk or built by observe, before normalisation. */
export type SnapshotInput = z.input<typeof SnapshotSchema>;
export type Cluster = z.output<typeof ClusterSchema>;
export type Service = z.output<typeof ServiceSchema>;
export type Deployment = z.output<typeof DeploymentSchema>;
export type TaskDefinition = z.output<typeof TaskDefinitionSchema>;
export type ContainerDefinition = z.output<typeof ContainerDefinitionSchema>;
export type Task = z.output<typeof TaskSchema>;
export type Secret = z.output<typeof SecretSchema>;
export type SecretVersion = z.output<typeof SecretVersionSchema>;
export type SsmParameter = z.output<typeof SsmParameterSchema>;
export type IamRoleEntry = z.output<typeof IamRoleEntrySchema>;
export type KmsKeyEntry = z.output<typeof KmsKeyEntrySchema>;
export type LabelRecord = z.output<typeof LabelRecordSchema>;
