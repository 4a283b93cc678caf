import { z } from 'zod';
import { baseOf, type Envelope } from './envelope.js';
import { fromIssues, ignored, quote, triggered, unrecognised } from './result.js';
import { CURRENT, PENDING } from './secretsmanager.js';
import type { EventResult, SecretChange } from './types.js';

const Source = z.object({
  eventSource: z.literal('secretsmanager.amazonaws.com'),
  eventName: z.string().min(1),
});

const Id = z.string().min(1);

/** Rotation outcomes that Secrets Manager records as service events. */
const ROTATIONS = {
  RotationSucceeded: 'rotationSucceeded',
  RotationFailed: 'rotationFailed',
  RotationAbandoned: 'rotationAbandoned',
} as const satisfies Record<string, SecretChange>;

const RotationDetail = z.object({
  additionalEventData: z.object({ SecretId: Id }),
});

/**
 * The secret ARN as the response spells it: `arn`, or `aRN` in records
 * written before February 2024. Null when the call failed.
 */
const Response = z
  .object({ arn: Id.optional(), aRN: Id.optional() })
  .nullable()
  .optional();

const ApiCall = z.object({ errorCode: Id.optional() });

const PutSecretValue = z.object({
  requestParameters: z.object({
    secretId: Id,
    clientRequestToken: Id.optional(),
    versionStages: z.array(Id).min(1).optional(),
  }),
  responseElements: z
    .object({
      arn: Id.optional(),
      aRN: Id.optional(),
      versionId: Id.optional(),
      versionStages: z.array(Id).min(1).optional(),
    })
    .nullable()
    .optional(),
});

const UpdateSecretVersionStage = z.object({
  requestParameters: z
    .object({
      secretId: Id,
      versionStage: Id,
      moveToVersionId: Id.optional(),
      removeFromVersionId: Id.optional(),
    })
    .refine(
      (p) => p.moveToVersionId !== undefined || p.removeFromVersionId !== undefined,
      {
        message: 'needs moveToVersionId or removeFromVersionId',
      },
    ),
  responseElements: Response,
});

const SecretIdOnly = z.object({
  requestParameters: z.object({ secretId: Id }),
  responseElements: Response,
});

type Detail = { input: unknown; envelope: Envelope };

/** Reads an `AWS Service Event via CloudTrail` from Secrets Manager (rotation outcomes). */
export function readServiceEvent(envelope: Envelope, input: unknown): EventResult {
  const source = Source.safeParse(envelope.detail);
  if (!source.success) return fromIssues(source.error, input, ['detail']);

  const name = source.data.eventName;
  if (!Object.hasOwn(ROTATIONS, name)) {
    return unrecognised('UnknownEventName', `Service event ${quote(name)} is not read.`);
  }
  const change = ROTATIONS[name as keyof typeof ROTATIONS];

  const parsed = RotationDetail.safeParse(envelope.detail);
  if (!parsed.success) return fromIssues(parsed.error, input, ['detail']);

  const succeeded = change === 'rotationSucceeded';
  return triggered({
    ...baseOf(envelope),
    kind: 'secretChanged',
    change,
    secretId: parsed.data.additionalEventData.SecretId,
    label: succeeded ? CURRENT : null,
    versionId: null,
    movesLabel: succeeded,
  });
}

/** Reads an `AWS API Call via CloudTrail` from Secrets Manager. */
export function readApiCall(envelope: Envelope, input: unknown): EventResult {
  const source = Source.safeParse(envelope.detail);
  if (!source.success) return fromIssues(source.error, input, ['detail']);

  const call = ApiCall.safeParse(envelope.detail);
  if (!call.success) return fromIssues(call.error, input, ['detail']);
  if (call.data.errorCode !== undefined) {
    return ignored('CallFailed', `The call failed with ${quote(call.data.errorCode)}.`);
  }

  const detail = { input, envelope };
  switch (source.data.eventName) {
    case 'PutSecretValue':
      return readPut(detail);
    case 'UpdateSecretVersionStage':
      return readStageUpdate(detail);
    case 'DeleteSecret':
      return readSecretIdOnly(detail, 'deleted');
    case 'RestoreSecret':
      return readSecretIdOnly(detail, 'restored');
    default:
      return unrecognised(
        'UnknownEventName',
        `API call ${quote(source.data.eventName)} is not read.`,
      );
  }
}

function readPut({ input, envelope }: Detail): EventResult {
  const parsed = PutSecretValue.safeParse(envelope.detail);
  if (!parsed.success) return fromIssues(parsed.error, input, ['detail']);
  const request = parsed.data.requestParameters;
  const response = parsed.data.responseElements ?? undefined;

  // A put without versionStages attaches AWSCURRENT.
  const stages = request.versionStages ?? response?.versionStages ?? [CURRENT];
  const followed = stages.filter((stage) => stage !== PENDING);
  if (followed.length === 0) {
    return ignored('PendingOnly', 'The put created an AWSPENDING version only.');
  }

  return triggered({
    ...baseOf(envelope),
    kind: 'secretChanged',
    change: 'valuePut',
    secretId: response?.arn ?? response?.aRN ?? request.secretId,
    label: followed.includes(CURRENT) ? CURRENT : (followed[0] ?? null),
    versionId: response?.versionId ?? request.clientRequestToken ?? null,
    movesLabel: true,
  });
}

function readStageUpdate({ input, envelope }: Detail): EventResult {
  const parsed = UpdateSecretVersionStage.safeParse(envelope.detail);
  if (!parsed.success) return fromIssues(parsed.error, input, ['detail']);
  const request = parsed.data.requestParameters;
  const response = parsed.data.responseElements ?? undefined;

  if (request.versionStage === PENDING) {
    return ignored('PendingOnly', 'Only the AWSPENDING label moved.');
  }

  // Removing a label without moving it leaves no new version to follow.
  const moveTo = request.moveToVersionId ?? null;
  return triggered({
    ...baseOf(envelope),
    kind: 'secretChanged',
    change: 'stageUpdated',
    secretId: response?.arn ?? response?.aRN ?? request.secretId,
    label: request.versionStage,
    versionId: moveTo,
    movesLabel: moveTo !== null,
  });
}

function readSecretIdOnly(
  { input, envelope }: Detail,
  change: 'deleted' | 'restored',
): EventResult {
  const parsed = SecretIdOnly.safeParse(envelope.detail);
  if (!parsed.success) return fromIssues(parsed.error, input, ['detail']);
  const response = parsed.data.responseElements ?? undefined;

  return triggered({
    ...baseOf(envelope),
    kind: 'secretChanged',
    change,
    secretId: response?.arn ?? response?.aRN ?? parsed.data.requestParameters.secretId,
    label: null,
    versionId: null,
    movesLabel: false,
  });
}
