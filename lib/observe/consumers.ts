import {
  collectReferences,
  collectTaskReferences,
  parseValueFrom,
} from '../refs/index.js';
import type { ResolvedReference } from '../refs/types.js';
import { parseSnapshot } from '../snapshot/index.js';
import type { SnapshotInput } from '../snapshot/types.js';

/** References of each service and task of a partial snapshot, found as decide finds them. */
export type ReferenceIndex = {
  services: ReadonlyMap<string, readonly ResolvedReference[]>;
  tasks: ReadonlyMap<string, readonly ResolvedReference[]>;
};

/**
 * Collects the references of every service and task in the document. Null
 * when the document does not validate: the caller then reads drift sections
 * for every service rather than guess.
 */
export function referenceIndex(document: SnapshotInput): ReferenceIndex | null {
  let snapshot: ReturnType<typeof parseSnapshot>;
  try {
    snapshot = parseSnapshot(document, 'observation');
  } catch {
    return null;
  }
  const taskDefinitions = new Map(
    snapshot.taskDefinitions.map((t) => [t.taskDefinitionArn, t]),
  );

  const services = new Map<string, readonly ResolvedReference[]>();
  for (const service of snapshot.services) {
    const taskDefinition = taskDefinitions.get(service.taskDefinition);
    const collected = collectReferences(snapshot, service, taskDefinition);
    services.set(service.serviceArn, collected.references);
  }
  const tasks = new Map<string, readonly ResolvedReference[]>();
  for (const task of snapshot.tasks ?? []) {
    const taskDefinition = taskDefinitions.get(task.taskDefinitionArn);
    tasks.set(
      task.taskArn,
      collectTaskReferences(snapshot, task, taskDefinition).references,
    );
  }
  return { services, tasks };
}

/**
 * True when a reference names one of the secrets: by resolved ARN, or, for a
 * secret that no longer exists, by the id the trigger gave.
 */
export function referencesSecret(
  reference: ResolvedReference,
  secretArns: ReadonlySet<string>,
  unresolvedIds: readonly string[],
): boolean {
  if (reference.secretArn !== null && secretArns.has(reference.secretArn)) {
    return true;
  }
  return unresolvedIds.some(
    (id) => reference.secretArn === id || reference.valueFrom.includes(id),
  );
}

/** SSM parameter names the references read (not Secrets Manager paths under /aws/reference). */
export function parameterNames(references: Iterable<ResolvedReference>): string[] {
  const names = new Set<string>();
  for (const reference of references) {
    if (reference.store !== 'ssm' || reference.kind === 'ssmReference') continue;
    const parsed = parseValueFrom(reference.valueFrom);
    if (parsed.store === 'ssm' && parsed.secretsManagerId === null) {
      names.add(parsed.name);
    }
  }
  return [...names];
}
