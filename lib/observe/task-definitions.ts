import { DescribeTaskDefinitionCommand, type ECSClient } from '@aws-sdk/client-ecs';
import type { SnapshotInput } from '../snapshot/types.js';
import { cliJson } from './cli-json.js';

type TaskDefinitionJson = SnapshotInput['taskDefinitions'][number];

/** Task definitions kept per process; enough for a large fleet's live revisions. */
const CACHE_LIMIT = 2000;

/**
 * A revision's contents never change, so each ARN is described at most once
 * per process. Insertion order doubles as age: the oldest entry goes first.
 */
const cache = new Map<string, TaskDefinitionJson>();

/** Describes each task definition once per process; ARNs that no longer exist are left out. */
export async function describeTaskDefinitions(
  ecs: ECSClient,
  arns: Iterable<string>,
): Promise<TaskDefinitionJson[]> {
  const out: TaskDefinitionJson[] = [];
  for (const arn of new Set(arns)) {
    const cached = cache.get(arn);
    if (cached !== undefined) {
      out.push(cached);
      continue;
    }
    const described = await describeOne(ecs, arn);
    if (described === null) {
      continue;
    }
    remember(arn, described);
    out.push(described);
  }
  return out;
}

/** Empties the cache (tests that re-register the same revision in a fresh emulator). */
export function clearTaskDefinitionCache(): void {
  cache.clear();
}

async function describeOne(
  ecs: ECSClient,
  arn: string,
): Promise<TaskDefinitionJson | null> {
  try {
    const output = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: arn }),
    );
    return output.taskDefinition
      ? (cliJson(output.taskDefinition) as TaskDefinitionJson)
      : null;
  } catch (error) {
    // A revision deleted after deregistration: services that still name it show it missing.
    if ((error as { name?: string }).name === 'ClientException') {
      return null;
    }
    throw error;
  }
}

function remember(arn: string, taskDefinition: TaskDefinitionJson): void {
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) {
      cache.delete(oldest);
    }
  }
  cache.set(arn, taskDefinition);
}
