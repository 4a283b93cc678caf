import { z } from 'zod';
import { baseOf, type Envelope } from './envelope.js';
import { fromIssues, ignored, triggered } from './result.js';
import type { EventResult } from './types.js';

/** The staging label a rotation writes first; no consumer follows it. */
export const PENDING = 'AWSPENDING';
/** The label a reference follows unless it names another. */
export const CURRENT = 'AWSCURRENT';

/**
 * `Secret Label Updated`: Secrets Manager's own event, sent when a staging
 * label other than AWSPENDING or AWSPREVIOUS moves to a version.
 */
const LabelUpdatedDetail = z.object({
  name: z.string().min(1),
  labelUpdated: z.string().min(1),
  versionId: z.string().min(1),
});

const SECRET_ARN = /^arn:[^:]+:secretsmanager:[^:]*:[^:]*:secret:./;

/** A Secrets Manager secret ARN in `resources`, ignoring anything else listed there. */
function secretArnIn(resources: readonly string[]): string | undefined {
  return resources.find((arn) => SECRET_ARN.test(arn));
}

/** Reads a `Secret Label Updated` event. The secret ARN is in `resources`, else the name. */
export function readLabelUpdated(envelope: Envelope, input: unknown): EventResult {
  const parsed = LabelUpdatedDetail.safeParse(envelope.detail);
  if (!parsed.success) return fromIssues(parsed.error, input, ['detail']);
  const detail = parsed.data;

  if (detail.labelUpdated === PENDING) {
    return ignored('PendingOnly', 'The AWSPENDING label moved; no consumer follows it.');
  }

  return triggered({
    ...baseOf(envelope),
    kind: 'secretChanged',
    change: 'labelUpdated',
    secretId: secretArnIn(envelope.resources) ?? detail.name,
    label: detail.labelUpdated,
    versionId: detail.versionId,
    movesLabel: true,
  });
}
