import { arnOf, type FleetContext } from './context.js';
import type { SecretInfo } from './secrets.js';

/** The ways a task definition names a secret, as seen in real fleets. */
const FORMS = [
  ['full', 25],
  ['fullWithKey', 35],
  ['partialWithKey', 15],
  ['stage', 5],
  ['versionId', 3],
  ['ssmReference', 7],
  ['malformed', 1],
] as const;

type Form = (typeof FORMS)[number][0];

const TOTAL_WEIGHT = FORMS.reduce((sum, [, weight]) => sum + weight, 0);
const JSON_KEYS = ['password', 'username', 'api_key', 'token'] as const;

function pickForm(context: FleetContext): Form {
  let roll = context.random.next() * TOTAL_WEIGHT;
  for (const [form, weight] of FORMS) {
    roll -= weight;
    if (roll < 0) return form;
  }
  return 'full';
}

/** A `valueFrom` naming `secret` in a randomly chosen form; `ssm` says ECS calls SSM for it. */
export function valueFrom(
  context: FleetContext,
  secret: SecretInfo,
): { valueFrom: string; ssm: boolean } {
  const key = context.random.pick(JSON_KEYS);
  const partial = arnOf(context, 'secretsmanager', `secret:${secret.name}`);
  const form = pickForm(context);
  switch (form) {
    case 'full':
      return { valueFrom: secret.arn, ssm: false };
    case 'fullWithKey':
      return { valueFrom: `${secret.arn}:${key}::`, ssm: false };
    case 'partialWithKey':
      return { valueFrom: `${partial}:${key}::`, ssm: false };
    case 'stage':
      return { valueFrom: `${secret.arn}:${key}:AWSPREVIOUS:`, ssm: false };
    case 'versionId':
      return { valueFrom: `${secret.arn}:::${secret.currentVersion}`, ssm: false };
    case 'ssmReference':
      return {
        valueFrom: arnOf(
          context,
          'ssm',
          `parameter/aws/reference/secretsmanager/${secret.name}`,
        ),
        ssm: true,
      };
    case 'malformed':
      // Three fields after the id: ECS refuses it at task start.
      return { valueFrom: `${secret.arn}:${key}:`, ssm: false };
  }
}
