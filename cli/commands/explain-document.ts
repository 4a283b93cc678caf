import {
  type LabelMove,
  labelMovedAt,
  moveContext,
  scopeOf,
} from '../../lib/decide/index.js';
import type { Explanation, ReferenceLink, SecretLink } from '../../lib/drift/index.js';
import type { Trigger } from '../../lib/events/types.js';
import type { Action, Finding, PlanTrigger } from '../../lib/plan/types.js';
import { snapshotIndex } from '../../lib/snapshot/lookup.js';
import type { Service, Snapshot } from '../../lib/snapshot/types.js';
import type { OfflinePlan } from './plan-input.js';

/** A reference as explain reports it: the secret also says when its label moved. */
export type ExplainedReference = Omit<ReferenceLink, 'secret'> & {
  secret: (SecretLink & { move: Pick<LabelMove, 'movedAt' | 'source'> | null }) | null;
};

/**
 * What `explain --format json` prints: the chain of the explanation, with the
 * action the plan for the same snapshot and trigger gives the service.
 */
export type ExplainDocument = Omit<Explanation, 'references' | 'findings'> & {
  plannedAt: string;
  trigger: PlanTrigger;
  /** True when the trigger concerns the service, whether or not it gets an action. */
  inScope: boolean;
  action: Action | null;
  references: ExplainedReference[];
  /**
   * Worst first: the plan's findings about the service when the trigger
   * concerns it, otherwise the drift checks of the service on their own.
   */
  findings: Finding[];
  findingsFrom: 'plan' | 'drift';
};

function withMoves(
  snapshot: Snapshot,
  references: ReferenceLink[],
  moves: Trigger,
  now: Date,
): ExplainedReference[] {
  const context = moveContext(snapshot, moves, now);
  const secrets = snapshotIndex(snapshot).secretsByArn;
  return references.map((ref) => {
    const link = ref.secret;
    if (link === null) return { ...ref, secret: null };
    const secret = secrets.get(link.arn);
    const move =
      secret === undefined || link.stage === null
        ? null
        : labelMovedAt(context, secret, link.stage);
    return {
      ...ref,
      secret: {
        ...link,
        move: move === null ? null : { movedAt: move.movedAt, source: move.source },
      },
    };
  });
}

/** True when the trigger puts the service in scope and names a secret it references. */
function concerns(
  snapshot: Snapshot,
  trigger: Trigger,
  service: Service,
  references: ReferenceLink[],
): boolean {
  const scope = scopeOf(snapshot, trigger);
  if (!scope.services.some((s) => s.serviceArn === service.serviceArn)) return false;
  const named = scope.secretArns;
  return (
    named === null ||
    references.some((ref) => ref.secret !== null && named.has(ref.secret.arn))
  );
}

/**
 * The explanation joined with what the offline plan decided for `service`:
 * its action and the findings the plan attributes to it. References report
 * label moves as the plan's trigger sees them.
 */
export function explainDocument(
  snapshot: Snapshot,
  service: Service,
  explanation: Explanation,
  offline: OfflinePlan,
  now: Date,
): ExplainDocument {
  const { plan, moves } = offline;
  const arn = service.serviceArn;
  const asksNothing = plan.trigger.ignored !== undefined;
  const inScope =
    !asksNothing && concerns(snapshot, moves, service, explanation.references);
  const action = plan.actions.find((candidate) => candidate.serviceArn === arn) ?? null;

  return {
    consumer: explanation.consumer,
    taskDefinition: explanation.taskDefinition,
    plannedAt: plan.generatedAt,
    trigger: plan.trigger,
    inScope,
    action,
    references: withMoves(snapshot, explanation.references, moves, now),
    network: explanation.network,
    findings: inScope
      ? plan.findings.filter((finding) => finding.resourceArn === arn)
      : explanation.findings,
    findingsFrom: inScope ? 'plan' : 'drift',
  };
}
