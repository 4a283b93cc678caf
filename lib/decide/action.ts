import type { Action, Finding } from '../plan/types.js';
import type { ActionReason, ActionType } from '../plan/vocabulary.js';
import type { Service } from '../snapshot/types.js';
import type { Assessment, FollowedSecret } from './assess.js';
import { compare } from './order.js';
import { MOVE_SOURCE_TEXT } from './staleness.js';
import { defaultStrategy, STRATEGY_TAG, type Strategy } from './strategy.js';

/** How many references a service has that decide cannot follow. */
export type Unresolved = { unresolved: number };

/** Where a stale service's message says what the controller will do. */
const NEXT = ' Next: ';

/** The staleness explanation of a message, without the step it proposed. */
function withoutNextStep(message: string): string {
  const at = message.lastIndexOf(NEXT);
  return at === -1 ? message : message.slice(0, at);
}

function action(
  service: Service,
  type: ActionType,
  reason: ActionReason,
  secretArns: string[],
  message: string,
): Action {
  const unique = [...new Set(secretArns)].sort(compare);
  return {
    type,
    serviceArn: service.serviceArn,
    clusterArn: service.clusterArn,
    secretArns: unique,
    reason,
    message,
  };
}

function moved(entry: FollowedSecret): string {
  const { move } = entry;
  if (move === null)
    return `${entry.label} of ${entry.secret.Name}, which no version holds`;
  return (
    `${entry.label} of ${entry.secret.Name}, which moved at ${move.movedAt} ` +
    `(${MOVE_SOURCE_TEXT[move.source]})`
  );
}

function deploymentText(assessment: Assessment): string {
  const { primary } = assessment;
  return primary === null
    ? ''
    : `deployment ${primary.id} started at ${primary.createdAt}`;
}

/**
 * The action for one service, before the preflight gate: skips first (inactive,
 * opted out, nothing to compare), then stale or current.
 */
export function decideAction(
  service: Service,
  assessment: Assessment,
  tagged: Strategy | null,
  counts: Unresolved,
): Action {
  const name = service.serviceName;
  const { followed, primary } = assessment;
  const followedArns = followed.map((entry) => entry.secret.ARN);

  if (service.status !== 'ACTIVE') {
    const text = `${name} is ${service.status}, not ACTIVE; it is left alone.`;
    return action(service, 'skip', 'ServiceInactive', followedArns, text);
  }
  if (tagged === 'ignore') {
    const text = `${name} is tagged ${STRATEGY_TAG}=ignore.`;
    return action(service, 'skip', 'OptedOut', followedArns, text);
  }
  if (primary === null) {
    const text = `${name} has no PRIMARY deployment to compare against.`;
    return action(service, 'skip', 'NoDeployment', followedArns, text);
  }
  if (followed.length === 0) {
    if (counts.unresolved === 0 && assessment.pinnedArns.length > 0) {
      const text = `${name} pins every secret it references to a version id; nothing can move.`;
      return action(service, 'skip', 'VersionPinned', assessment.pinnedArns, text);
    }
    const text = `None of the secrets ${name} references could be resolved; see its findings.`;
    return action(service, 'skip', 'SecretUnresolved', [], text);
  }

  const stale = followed.filter((entry) => entry.stale);
  if (stale.length === 0) {
    const text =
      `${name}'s ${deploymentText(assessment)}, after every secret it follows ` +
      `last moved: ${followed.map(moved).join('; ')}.`;
    return action(service, 'skip', 'AlreadyCurrent', followedArns, text);
  }

  const type = tagged ?? defaultStrategy(stale.flatMap((entry) => entry.kinds));
  const how = type === 'redeploy' ? 'force a new deployment' : 'signal the app to reload';
  const text =
    `${name} follows ${stale.map(moved).join('; and ')}; its ${deploymentText(assessment)}.` +
    `${NEXT}${how}.`;
  return action(
    service,
    type,
    'SecretVersionChanged',
    stale.map((entry) => entry.secret.ARN),
    text,
  );
}

/**
 * The preflight gate: a service that would be redeployed or signalled while a
 * critical finding concerns it is blocked instead; running tasks keep going.
 */
export function gateAction(
  proposed: Action,
  service: Service,
  findings: Finding[],
): Action {
  if (proposed.type !== 'redeploy' && proposed.type !== 'signal') return proposed;
  const codes = [
    ...new Set(findings.filter((f) => f.severity === 'critical').map((f) => f.code)),
  ].sort(compare);
  if (codes.length === 0) return proposed;

  return {
    ...proposed,
    type: 'block',
    reason: 'PreflightFailed',
    message:
      `${service.serviceName} would ${proposed.type} but new tasks could not fetch ` +
      `their secrets (${codes.join(', ')}); nothing is deployed and running tasks keep ` +
      `the old value until the findings are fixed. Why it is stale: ` +
      withoutNextStep(proposed.message),
  };
}
