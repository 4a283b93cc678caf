import type { Trigger } from '../events/types.js';
import type { Action, Finding, Plan, PlanTrigger, Reference } from '../plan/types.js';
import { collectReferences, toPlanReference } from '../refs/index.js';
import type { ResolvedReference } from '../refs/types.js';
import { type SnapshotIndex, snapshotIndex, tasksOfService } from '../snapshot/lookup.js';
import type { Service, Snapshot } from '../snapshot/types.js';
import { decideAction, gateAction } from './action.js';
import { assessService, staleTasksFinding } from './assess.js';
import { type ConsumerCheck, runChecks, serviceConsumer } from './checks.js';
import { sortActions, sortFindings, sortReferences } from './order.js';
import type { Policy } from './policy.js';
import { scopeOf } from './scope.js';
import { type MoveContext, moveContext } from './staleness.js';
import { taggedStrategy } from './strategy.js';

/** Everything one plan shares across its services. */
type PlanContext = {
  snapshot: Snapshot;
  index: SnapshotIndex;
  moves: MoveContext;
  policy: Policy;
  checks: readonly ConsumerCheck[];
};

type ServicePlan = { references: Reference[]; actions: Action[]; findings: Finding[] };

/**
 * A reference that should reach a secret, resolved or not. A plain SSM
 * parameter is not one: nothing in Secrets Manager can move under it.
 */
function namesSecret(ref: ResolvedReference): boolean {
  return ref.secret !== null || ref.store !== 'ssm' || ref.kind === 'ssmReference';
}

function planService(
  context: PlanContext,
  service: Service,
  refs: ResolvedReference[],
  refFindings: Finding[],
): ServicePlan {
  const { snapshot, index, policy, checks } = context;
  const taskDefinition = index.taskDefinitionsByArn.get(service.taskDefinition);
  const consumer = serviceConsumer(service, taskDefinition);
  const checked = runChecks(checks, snapshot, consumer, refs, policy);
  const references = refs.map(toPlanReference);
  const secretRefs = refs.filter(namesSecret);
  if (secretRefs.length === 0) {
    return { references, actions: [], findings: [...refFindings, ...checked] };
  }

  const tagged = taggedStrategy(service);
  const tasks = tasksOfService(index, service);
  const assessment = assessService(context.moves, service, secretRefs, tasks);
  const findings = [
    ...refFindings,
    ...tagged.findings,
    ...staleTasksFinding(service, assessment),
    ...checked,
  ];

  const unresolved = secretRefs.filter((ref) => ref.secret === null).length;
  const proposed = decideAction(service, assessment, tagged.strategy, { unresolved });
  return { references, actions: [gateAction(proposed, service, findings)], findings };
}

/**
 * Decides, from a snapshot alone, what to do about every service the trigger
 * concerns: the plan document of DESIGN.md, schema version 1. Pure: `now` is
 * the only time it knows. `checks` add drift and preflight findings; a
 * critical one turns a redeploy or signal of that service into a block.
 */
export function plan(
  snapshot: Snapshot,
  trigger: Trigger,
  policy: Policy,
  now: Date,
  checks: readonly ConsumerCheck[] = [],
): Plan {
  const index = snapshotIndex(snapshot);
  const context: PlanContext = {
    snapshot,
    index,
    moves: moveContext(snapshot, trigger, now),
    policy,
    checks,
  };
  const { services, secretArns } = scopeOf(snapshot, trigger);
  const parts: ServicePlan[] = [];

  for (const service of services) {
    const taskDefinition = index.taskDefinitionsByArn.get(service.taskDefinition);
    const collected = collectReferences(snapshot, service, taskDefinition);
    const concerned =
      secretArns === null ||
      collected.references.some(
        (ref) => ref.secret !== null && secretArns.has(ref.secret.ARN),
      );
    if (concerned) {
      parts.push(planService(context, service, collected.references, collected.findings));
    }
  }

  // The trigger is a small key with no secret values: the plan reports it whole.
  const planTrigger: PlanTrigger = { ...trigger };
  return {
    schemaVersion: 1,
    generatedAt: now.toISOString(),
    trigger: planTrigger,
    references: sortReferences(parts.flatMap((part) => part.references)),
    actions: sortActions(parts.flatMap((part) => part.actions)),
    findings: sortFindings(parts.flatMap((part) => part.findings)),
  };
}
