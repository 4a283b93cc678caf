import type { PlanTrigger } from '../../lib/plan/types.js';
import { lastSegment, type Names } from './names.js';

/** The names a trigger description needs: ARNs the snapshot knows read as names. */
type TriggerNames = Pick<Names, 'service' | 'text'>;

const PLAIN: TriggerNames = { service: lastSegment, text: (value) => value };

function text(trigger: PlanTrigger, key: string): string | null {
  const value = trigger[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

function list(trigger: PlanTrigger, key: string): string[] {
  const value = trigger[key];
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}

/** `secret a` or `secrets a, b`. */
function counted(noun: string, items: string[]): string {
  return `${noun}${items.length === 1 ? '' : 's'} ${items.join(', ')}`;
}

function secretChange(trigger: PlanTrigger, names: TriggerNames): string {
  const secret = `secret ${names.text(text(trigger, 'secretId') ?? '(unnamed)')}`;
  const label = text(trigger, 'label') ?? 'AWSCURRENT';
  const version = text(trigger, 'versionId');
  const to = version === null ? '' : ` to version ${version}`;
  switch (text(trigger, 'change')) {
    case 'labelUpdated':
      return `the move of ${label} on ${secret}${to}`;
    case 'stageUpdated':
      return `the move of ${label} on ${secret}${to} by UpdateSecretVersionStage`;
    case 'valuePut':
      return `a new value of ${secret}, which moved ${label}${to}`;
    case 'rotationSucceeded':
      return `a successful rotation of ${secret}, which moved ${label}${to}`;
    case 'rotationFailed':
      return `a failed rotation of ${secret} (no label moved)`;
    case 'rotationAbandoned':
      return `an abandoned rotation of ${secret} (no label moved)`;
    case 'deleted':
      return `the deletion of ${secret} (no label moved)`;
    case 'restored':
      return `the restore of ${secret} (no label moved)`;
    default:
      return `a change to ${secret}`;
  }
}

function taskStop(trigger: PlanTrigger, names: TriggerNames): string {
  const task = `task ${lastSegment(text(trigger, 'taskArn') ?? '(unnamed)')}`;
  const group = text(trigger, 'group');
  const owner = group?.startsWith('service:')
    ? ` of service ${group.slice('service:'.length)}`
    : group === null
      ? ''
      : ` (${names.text(group)})`;
  const code = text(trigger, 'stopCode');
  return `the stop of ${task}${owner}${code === null ? '' : ` (${code})`}`;
}

function resync(trigger: PlanTrigger, names: TriggerNames): string {
  const how = text(trigger, 'source') === 'schedule' ? 'a scheduled' : 'a manual';
  const clusters = list(trigger, 'clusters').map(names.text);
  const secrets = list(trigger, 'secrets').map(names.text);
  const inClusters = clusters.length === 0 ? '' : ` in ${counted('cluster', clusters)}`;
  if (secrets.length > 0) {
    return `${how} resync of the consumers of ${counted('secret', secrets)}${inClusters}`;
  }
  return clusters.length === 0
    ? `${how} resync of every service`
    : `${how} resync of the services${inClusters}`;
}

/** What an event that asks for nothing was, by the family it came from. */
const IGNORED_SOURCE: Record<string, string> = {
  secretChanged: 'a Secrets Manager event',
  serviceChanged: 'an ECS service event',
  taskStopped: 'an ECS task event',
  resync: 'a manual payload',
};

function ignored(trigger: PlanTrigger, reason: unknown): string {
  const source = IGNORED_SOURCE[trigger.kind] ?? `a ${trigger.kind} event`;
  const why = typeof reason === 'string' ? ` (${reason})` : '';
  return `${source} that asks for nothing${why}`;
}

function happening(trigger: PlanTrigger, names: TriggerNames): string {
  const skipped = trigger.ignored;
  if (typeof skipped === 'object' && skipped !== null) {
    return ignored(trigger, (skipped as Record<string, unknown>).reason);
  }
  switch (trigger.kind) {
    case 'secretChanged':
      return secretChange(trigger, names);
    case 'serviceChanged': {
      const service = names.service(text(trigger, 'serviceArn') ?? '(unnamed)');
      return `ECS event ${text(trigger, 'eventName') ?? '(unnamed)'} for service ${service}`;
    }
    case 'taskStopped':
      return taskStop(trigger, names);
    case 'resync':
      return resync(trigger, names);
    default:
      return `a ${trigger.kind} event`;
  }
}

/**
 * What started a plan as a phrase that follows "Plan for", e.g. `the move of
 * AWSCURRENT on secret db to version v2 at T` or `a manual resync of every service at T`.
 */
export function describeTrigger(
  trigger: PlanTrigger,
  names: TriggerNames = PLAIN,
): string {
  const at = text(trigger, 'at');
  return `${happening(trigger, names)}${at === null ? '' : ` at ${at}`}`;
}
