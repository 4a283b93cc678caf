import type { ActionReason, ActionType, FindingCode, Severity } from './vocabulary.js';

/** How a consumer reaches a secret. */
export const ReferenceKind = {
  environment: 'environment',
  logOption: 'logOption',
  registryAuth: 'registryAuth',
  ssmReference: 'ssmReference',
  runtime: 'runtime',
} as const;
export type ReferenceKind = (typeof ReferenceKind)[keyof typeof ReferenceKind];

/** One place where a service's task definition (or tags) names a secret. */
export type Reference = {
  /** Canonical full ARN of the secret, or null when it could not be resolved. */
  secretArn: string | null;
  serviceArn: string | null;
  taskDefinitionArn: string | null;
  container: string | null;
  kind: ReferenceKind;
  /** The variable, log option or tag the reference fills. */
  name: string;
  jsonKey: string | null;
  versionStage: string | null;
  versionId: string | null;
  valueFrom: string;
};

export type Action = {
  type: ActionType;
  serviceArn: string;
  clusterArn: string;
  secretArns: string[];
  reason: ActionReason;
  message: string;
};

export type Finding = {
  code: FindingCode;
  severity: Severity;
  resourceArn: string | null;
  secretArn: string | null;
  message: string;
  evidence: Record<string, unknown>;
};

/** The trigger as the plan reports it: its kind plus the details that scoped it. */
export type PlanTrigger = { kind: string } & Record<string, unknown>;

/** The plan document, schema version 1. */
export type Plan = {
  schemaVersion: 1;
  generatedAt: string;
  trigger: PlanTrigger;
  references: Reference[];
  actions: Action[];
  findings: Finding[];
};
