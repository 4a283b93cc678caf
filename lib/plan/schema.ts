import { z } from 'zod';
import { ReferenceKind } from './types.js';
import { ACTION_REASONS, ActionType, FINDING_CODES, Severity } from './vocabulary.js';

const nullableString = z.string().nullable();

/** Schema of the plan document, version 1; used to validate what the CLI prints. */
export const PlanSchema = z.strictObject({
  schemaVersion: z.literal(1),
  generatedAt: z.iso.datetime(),
  trigger: z.looseObject({
    kind: z.enum(['secretChanged', 'serviceChanged', 'taskStopped', 'resync']),
  }),
  references: z.array(
    z.strictObject({
      secretArn: nullableString,
      serviceArn: nullableString,
      taskDefinitionArn: nullableString,
      container: nullableString,
      kind: z.enum(Object.values(ReferenceKind)),
      name: z.string(),
      jsonKey: nullableString,
      versionStage: nullableString,
      versionId: nullableString,
      valueFrom: z.string(),
    }),
  ),
  actions: z.array(
    z.strictObject({
      type: z.enum(Object.values(ActionType)),
      serviceArn: z.string(),
      clusterArn: z.string(),
      secretArns: z.array(z.string()),
      reason: z.enum(ACTION_REASONS),
      message: z.string(),
    }),
  ),
  findings: z.array(
    z.strictObject({
      code: z.enum(FINDING_CODES),
      severity: z.enum(Object.values(Severity)),
      resourceArn: nullableString,
      secretArn: nullableString,
      message: z.string(),
      evidence: z.record(z.string(), z.unknown()),
    }),
  ),
});
