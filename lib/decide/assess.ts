import type { Finding, ReferenceKind } from '../plan/types.js';
import { FINDINGS } from '../plan/vocabulary.js';
import type { ResolvedReference } from '../refs/types.js';
import type { Deployment, Secret, Service, Task } from '../snapshot/types.js';
import { compare } from './order.js';
import {
  followedLabel,
  type LabelMove,
  labelMovedAt,
  type MoveContext,
} from './staleness.js';

/** One (secret, label) pair a service follows, and whether its deployment predates the move. */
export type FollowedSecret = {
  secret: Secret;
  label: string;
  /** Null when no version holds the label: nothing there to follow. */
  move: LabelMove | null;
  stale: boolean;
  kinds: ReferenceKind[];
};

/** What decide knows about one service before it picks an action. */
export type Assessment = {
  primary: Deployment | null;
  followed: FollowedSecret[];
  /** Secrets of the references that resolved but pin a version id. */
  pinnedArns: string[];
  /** Running tasks created before a secret they follow moved. */
  staleTasks: Task[];
};

/** The newest PRIMARY deployment: ECS keeps one, but a snapshot may hold more. */
export function primaryDeployment(service: Service): Deployment | null {
  const primaries = service.deployments
    .filter((deployment) => deployment.status === 'PRIMARY')
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return primaries[0] ?? null;
}

function followedSecrets(context: MoveContext, refs: ResolvedReference[]) {
  const byKey = new Map<
    string,
    { secret: Secret; label: string; kinds: Set<ReferenceKind> }
  >();
  for (const ref of refs) {
    const label = followedLabel(ref);
    if (ref.secret === null || label === null) continue;
    const key = `${ref.secret.ARN}\n${label}`;
    const entry = byKey.get(key) ?? { secret: ref.secret, label, kinds: new Set() };
    entry.kinds.add(ref.kind);
    byKey.set(key, entry);
  }

  return [...byKey.values()]
    .sort((a, b) => compare(a.secret.ARN, b.secret.ARN) || compare(a.label, b.label))
    .map(({ secret, label, kinds }) => ({
      secret,
      label,
      move: labelMovedAt(context, secret, label),
      kinds: [...kinds].sort(compare),
    }));
}

function isBefore(time: string | undefined, limit: string): boolean {
  return time !== undefined && Date.parse(time) < Date.parse(limit);
}

/** Applies the staleness rule to every secret a service follows; `tasks` are the service's. */
export function assessService(
  context: MoveContext,
  service: Service,
  refs: ResolvedReference[],
  tasks: readonly Task[],
): Assessment {
  const primary = primaryDeployment(service);
  const followed = followedSecrets(context, refs).map((entry) => ({
    ...entry,
    stale:
      primary !== null &&
      entry.move !== null &&
      isBefore(primary.createdAt, entry.move.movedAt),
  }));
  const pinnedArns = refs.flatMap((ref) =>
    ref.secret !== null && ref.versionId !== null ? [ref.secret.ARN] : [],
  );

  const moves = followed.flatMap((entry) => (entry.move === null ? [] : [entry.move]));
  const latest = moves
    .map((move) => move.movedAt)
    .sort(compare)
    .at(-1);
  const staleTasks =
    latest === undefined
      ? []
      : tasks.filter(
          (task) =>
            task.lastStatus !== 'STOPPED' &&
            isBefore(task.createdAt ?? task.startedAt, latest),
        );

  return { primary, followed, pinnedArns, staleTasks };
}

/** One finding listing the running tasks that still hold an old value, if any. */
export function staleTasksFinding(service: Service, assessment: Assessment): Finding[] {
  const { staleTasks, followed } = assessment;
  if (staleTasks.length === 0) return [];

  const taskArns = staleTasks.map((task) => task.taskArn).sort(compare);
  const moved = followed.filter((entry) => entry.move !== null);
  const secretArns = [...new Set(moved.map((entry) => entry.secret.ARN))];
  return [
    {
      code: 'StaleTasksRunning',
      severity: FINDINGS.StaleTasksRunning.severity,
      resourceArn: service.serviceArn,
      secretArn: secretArns.length === 1 ? (secretArns[0] ?? null) : null,
      message:
        `${taskArns.length} running task(s) of ${service.serviceName} started before ` +
        'a secret they follow last moved and still hold the old value.',
      evidence: {
        taskArns,
        secrets: moved.map((entry) => ({
          secretArn: entry.secret.ARN,
          label: entry.label,
          movedAt: entry.move?.movedAt ?? null,
        })),
      },
    },
  ];
}
