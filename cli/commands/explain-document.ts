import { labelMovedAt, moveContext } from '../../lib/decide/index.js';
import type { Explanation, ReferenceLink, SecretLink } from '../../lib/drift/index.js';
import type { Trigger } from '../../lib/events/types.js';
import type { Action, Finding, Plan, PlanTrigger } from '../../lib/plan/types.js';
import type { LabelRecord, Service, Snapshot } from '../../lib/snapshot/types.js';

/** When the label a reference follows moved to the version it holds, and how that is known. */
export type LabelMoveLink = { movedAt: string; source: LabelRecord['source'] };

/** A reference as explain reports it: the secret also says when its label moved. */
export type ExplainedReference = Omit<ReferenceLink, 'secret'> & {
  secret: (SecretLink & { move: LabelMoveLink | null }) | null;
};

/**
 * What `explain --format json` prints: the chain of the explanation, with the
 * action and findings the plan for the same snapshot and trigger gives the service.
 */
export type ExplainDocument = Omit<Explanation, 'references' | 'findings'> & {
  plannedAt: string;
  trigger: PlanTrigger;
  /** True when the trigger concerns the service, whether or not it gets an action. */
  inScope: boolean;
  action: Action | null;
  references: ExplainedReference[];
  /** The plan's findings about the service, worst first. */
  findings: Finding[];
};

/** What explain plans for: the trigger and time, and the plan (null: the event asks for nothing). */
export type Decided = { trigger: PlanTrigger; plannedAt: string; plan: Plan | null };

function withMoves(
  snapshot: Snapshot,
  references: ReferenceLink[],
  moves: Trigger,
  now: Date,
): ExplainedReference[] {
  const context = moveContext(snapshot, moves, now);
  return references.map((ref) => {
    const link = ref.secret;
    if (link === null) return { ...ref, secret: null };
    const secret = snapshot.secrets.find((candidate) => candidate.ARN === link.arn);
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

/**
 * The explanation joined with what the plan decided for `service`: its action
 * and exactly the findings the plan attributes to it. `moves` is the trigger
 * whose view of label moves the references report (the plan's own, or a
 * resync when the event asks for nothing).
 */
export function explainDocument(
  snapshot: Snapshot,
  service: Service,
  explanation: Explanation,
  decided: Decided,
  moves: { trigger: Trigger; now: Date },
): ExplainDocument {
  const arn = service.serviceArn;
  const { plan } = decided;
  const action = plan?.actions.find((candidate) => candidate.serviceArn === arn) ?? null;
  const findings = plan?.findings.filter((finding) => finding.resourceArn === arn) ?? [];
  const inScope =
    action !== null ||
    findings.length > 0 ||
    (plan?.references.some((ref) => ref.serviceArn === arn) ?? false);

  return {
    consumer: explanation.consumer,
    taskDefinition: explanation.taskDefinition,
    plannedAt: decided.plannedAt,
    trigger: decided.trigger,
    inScope,
    action,
    references: withMoves(snapshot, explanation.references, moves.trigger, moves.now),
    network: explanation.network,
    findings,
  };
}
