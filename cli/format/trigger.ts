import type { PlanTrigger } from '../../lib/plan/types.js';

function text(trigger: PlanTrigger, key: string): string | null {
  const value = trigger[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

function list(trigger: PlanTrigger, key: string): string[] {
  const value = trigger[key];
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}

function lastSegment(arn: string | null): string | null {
  return arn === null ? null : arn.slice(arn.lastIndexOf('/') + 1);
}

function details(trigger: PlanTrigger): Array<string | null> {
  switch (trigger.kind) {
    case 'secretChanged': {
      const version = text(trigger, 'versionId');
      return [
        text(trigger, 'secretId'),
        text(trigger, 'change'),
        // Only an event that moves a label names one; a delete or restore names none.
        trigger.movesLabel === false ? null : (text(trigger, 'label') ?? 'AWSCURRENT'),
        version === null ? null : `to version ${version}`,
      ];
    }
    case 'serviceChanged':
      return [lastSegment(text(trigger, 'serviceArn')), text(trigger, 'eventName')];
    case 'taskStopped':
      return [
        lastSegment(text(trigger, 'taskArn')),
        text(trigger, 'group'),
        text(trigger, 'stopCode'),
      ];
    case 'resync': {
      const clusters = list(trigger, 'clusters');
      const secrets = list(trigger, 'secrets');
      return [
        text(trigger, 'source'),
        clusters.length > 0 ? `clusters ${clusters.join(', ')}` : null,
        secrets.length > 0 ? `secrets ${secrets.join(', ')}` : null,
      ];
    }
    default:
      return [];
  }
}

/** One line saying what started the plan, e.g. `secretChanged db-password rotationSucceeded AWSCURRENT at T`. */
export function describeTrigger(trigger: PlanTrigger): string {
  const at = text(trigger, 'at');
  const parts = [trigger.kind, ...details(trigger), at === null ? null : `at ${at}`];
  return parts.filter((part) => part !== null).join(' ');
}
