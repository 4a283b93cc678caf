import type { Finding } from '../plan/types.js';
import type {
  ContainerDefinition,
  Service,
  Snapshot,
  Task,
  TaskDefinition,
} from '../snapshot/types.js';
import { partitionForRegion } from './arn.js';
import { parseSecretId, parseValueFrom } from './parse.js';
import { type ResolveContext, resolveEntry } from './reference.js';
import { type Site, siteFinding } from './site.js';
import type { ParsedValueFrom, ResolvedReference } from './types.js';

/** The tag that declares the secrets a service's app reads at run time. */
export const RUNTIME_SECRETS_TAG = 'secret-reconciler/secrets';

/** A consumer's references in container, then entry order, and what is wrong with them. */
export type CollectedReferences = {
  references: ResolvedReference[];
  findings: Finding[];
};

type Owner = Pick<Site, 'resourceArn' | 'serviceArn' | 'taskDefinitionArn'>;
type Entry = { site: Site; parsed: ParsedValueFrom };

/**
 * Every secret a service's tasks read: from its task definition (`secrets`,
 * log `secretOptions`, `repositoryCredentials`, environment variables holding
 * a secret ARN) and from its `secret-reconciler/secrets` tag.
 */
export function collectReferences(
  snapshot: Snapshot,
  service: Service,
  taskDefinition: TaskDefinition | undefined,
): CollectedReferences {
  const owner: Owner = {
    resourceArn: service.serviceArn,
    serviceArn: service.serviceArn,
    taskDefinitionArn: taskDefinition?.taskDefinitionArn ?? service.taskDefinition,
  };
  const context = contextOf(snapshot);
  const entries = [
    ...containerEntries(context, owner, taskDefinition),
    ...tagEntries(context, owner, service),
  ];
  return resolveAll(context, entries);
}

/** Every secret a standalone task reads, from its task definition. */
export function collectTaskReferences(
  snapshot: Snapshot,
  task: Task,
  taskDefinition: TaskDefinition | undefined,
): CollectedReferences {
  const owner: Owner = {
    resourceArn: task.taskArn,
    serviceArn: null,
    taskDefinitionArn: taskDefinition?.taskDefinitionArn ?? task.taskDefinitionArn,
  };
  const context = contextOf(snapshot);
  return resolveAll(context, containerEntries(context, owner, taskDefinition));
}

function resolveAll(context: ResolveContext, entries: Entry[]): CollectedReferences {
  const references: ResolvedReference[] = [];
  const findings: Finding[] = [];
  for (const entry of entries) {
    const resolved = resolveEntry(context, entry.site, entry.parsed);
    references.push(resolved.reference);
    findings.push(...resolved.findings);
    if (entry.site.slot === 'environmentVariable') {
      const detail = 'holds a Secrets Manager ARN; the app reads the secret itself';
      const { secretArn } = resolved.reference;
      findings.push(siteFinding('SecretArnInEnvironment', entry.site, secretArn, detail));
    }
  }
  return { references, findings };
}

function contextOf(snapshot: Snapshot): ResolveContext {
  const { account, region } = snapshot;
  const partition = snapshot.partition ?? partitionForRegion(region);
  const parameters = snapshot.ssmParameters?.map((p) => p.Name.replace(/^\//, ''));
  return {
    home: { partition, account, region },
    observed: { account, region },
    secrets: snapshot.secrets,
    parameters: parameters === undefined ? null : new Set(parameters),
  };
}

function containerEntries(
  context: ResolveContext,
  owner: Owner,
  taskDefinition: TaskDefinition | undefined,
): Entry[] {
  const containers = taskDefinition?.containerDefinitions ?? [];
  return containers.flatMap((container) => entriesOf(context, owner, container));
}

function entriesOf(
  context: ResolveContext,
  owner: Owner,
  container: ContainerDefinition,
): Entry[] {
  const at = (slot: Site['slot'], name: string, valueFrom: string): Site => ({
    ...owner,
    container: container.name,
    slot,
    name,
    valueFrom,
  });
  const entries: Entry[] = [];

  for (const secret of container.secrets) {
    const site = at('secret', secret.name, secret.valueFrom);
    entries.push({ site, parsed: parseValueFrom(secret.valueFrom) });
  }
  for (const option of container.logConfiguration?.secretOptions ?? []) {
    const site = at('logOption', option.name, option.valueFrom);
    entries.push({ site, parsed: parseValueFrom(option.valueFrom) });
  }
  const credentials = container.repositoryCredentials?.credentialsParameter;
  if (credentials !== undefined) {
    const site = at('registryAuth', 'repositoryCredentials', credentials);
    // ECS reads registry credentials only from Secrets Manager: a bare value is a name.
    entries.push({ site, parsed: parseSecretId(credentials, context.home) });
  }
  for (const variable of container.environment) {
    const parsed = variable.value === undefined ? null : parseValueFrom(variable.value);
    if (parsed?.store === 'secretsmanager') {
      entries.push({
        site: at('environmentVariable', variable.name, variable.value ?? ''),
        parsed,
      });
    }
  }
  return entries;
}

function tagEntries(context: ResolveContext, owner: Owner, service: Service): Entry[] {
  const tag = service.tags.find((t) => t.key === RUNTIME_SECRETS_TAG);
  const ids = (tag?.value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  return [...new Set(ids)].map((id) => ({
    site: {
      ...owner,
      container: null,
      slot: 'tag',
      name: RUNTIME_SECRETS_TAG,
      valueFrom: id,
    },
    parsed: parseSecretId(id, context.home),
  }));
}
