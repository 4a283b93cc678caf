import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { Log } from '../log.js';
import { partitionForRegion } from '../refs/index.js';
import type { ResolvedReference } from '../refs/types.js';
import type { SnapshotInput } from '../snapshot/types.js';
import { readSection } from './access.js';
import type { AwsClients } from './clients.js';
import { parameterNames, referenceIndex, referencesSecret } from './consumers.js';
import { readNetwork } from './ec2.js';
import { readClusters, readServices, readTasks } from './ecs.js';
import { ObserveError } from './errors.js';
import { readRoles } from './iam.js';
import { readKeys } from './kms.js';
import type { ObserveScope } from './scope.js';
import { describeSecretInFull, listSecrets } from './secrets.js';
import { readParameters } from './ssm.js';
import { describeTaskDefinitions } from './task-definitions.js';

type ServiceJson = SnapshotInput['services'][number];
type TaskDefinitionJson = SnapshotInput['taskDefinitions'][number];
type SecretJson = SnapshotInput['secrets'][number];

export type ObserveOptions = {
  log: Log;
  /** Called as each step starts: its name, steps done, steps in all. */
  progress?: (step: string, done: number, total: number) => void;
  /** The account id, when the caller knows it; otherwise asked of STS. */
  account?: string;
};

const STEPS = [
  'clusters',
  'services',
  'taskDefinitions',
  'secrets',
  'tasks',
  'iam',
  'kms',
  'ec2',
  'ssmParameters',
] as const;

/**
 * Reads the part of the account the scope names into a snapshot document,
 * each object as the AWS CLI prints it. Never reads a secret value. A
 * drift section AWS refuses to show is left out (with a warning), so the
 * checks that need it report Unverifiable. Label records are not read here.
 */
export async function observe(
  clients: AwsClients,
  scope: ObserveScope,
  options: ObserveOptions,
): Promise<SnapshotInput> {
  const { log } = options;
  const step = (name: (typeof STEPS)[number]): void => {
    options.progress?.(name, STEPS.indexOf(name), STEPS.length);
  };
  const capturedAt = new Date().toISOString();
  const region = await clients.ecs.config.region();
  const account = options.account ?? (await callerAccount(clients));

  step('clusters');
  const clusters = await readClusters(clients.ecs, scope.clusters);
  const clusterArns = clusters.map((cluster) => cluster.clusterArn);

  step('services');
  const services = await readServices(clients.ecs, clusterArns, scope.services);

  step('taskDefinitions');
  const taskDefinitions = await describeTaskDefinitions(
    clients.ecs,
    services.flatMap(taskDefinitionsOfService),
  );

  step('secrets');
  const listed = await listSecrets(clients.secretsManager, log);
  const targets = await describeAll(clients, scope.secrets, log);
  const document: SnapshotInput = {
    schemaVersion: 1,
    capturedAt,
    account,
    region,
    partition: partitionForRegion(region),
    clusters,
    services,
    taskDefinitions,
    secrets: mergeSecrets(listed, targets),
  };

  const index = referenceIndex(document);
  const consumers = selectConsumers(scope, services, index, targets, log);

  step('tasks');
  const tasks = await readSection(log, 'tasks', () =>
    readTasks(clients.ecs, {
      wholeClusters:
        scope.services === null && scope.drift === 'services' ? clusterArns : [],
      services: consumers.map((s) => ({
        clusterArn: s.clusterArn,
        serviceName: s.serviceName,
      })),
      named: scope.tasks,
    }),
  );
  if (tasks !== undefined) {
    document.tasks = tasks;
    const more = await describeTaskDefinitions(
      clients.ecs,
      tasks.map((task) => task.taskDefinitionArn),
    );
    document.taskDefinitions = unique([...taskDefinitions, ...more]);
  }

  // What the consumers (and the tasks read for them) use: roles, subnets, secrets.
  const withTasks = referenceIndex(document) ?? index;
  const references = [
    ...consumers.flatMap((s) => withTasks?.services.get(s.serviceArn) ?? []),
    ...(document.tasks ?? []).flatMap((t) => withTasks?.tasks.get(t.taskArn) ?? []),
  ];
  const usedTaskDefinitions = usedDefinitions(document, consumers);

  const referenced = secretArnsOf(references).filter(
    (arn) => !targets.some((secret) => secret.ARN === arn),
  );
  const details = [...targets, ...(await describeAll(clients, referenced, log))];
  document.secrets = mergeSecrets(listed, details);

  step('iam');
  const iam = await readSection(log, 'iam', () =>
    readRoles(clients.iam, rolesOf(usedTaskDefinitions), log),
  );
  if (iam !== undefined) document.iam = iam;

  step('kms');
  const keyIds = details.flatMap((s) => (s.KmsKeyId ? [s.KmsKeyId] : []));
  const kms = await readSection(log, 'kms', () => readKeys(clients.kms, keyIds, log));
  if (kms !== undefined) document.kms = kms;

  step('ec2');
  const ec2 = await readSection(log, 'ec2', () =>
    readNetwork(clients.ec2, consumers.flatMap(subnetsOf)),
  );
  if (ec2 !== undefined) document.ec2 = ec2;

  step('ssmParameters');
  // Parameters of every service read, not only consumers: reference checks run fleet-wide.
  if (withTasks !== null) {
    const all = [...withTasks.services.values(), ...withTasks.tasks.values()].flat();
    const parameters = await readSection(log, 'ssmParameters', () =>
      readParameters(clients.ssm, parameterNames(all)),
    );
    if (parameters !== undefined) document.ssmParameters = parameters;
  }

  options.progress?.('done', STEPS.length, STEPS.length);
  return document;
}

async function callerAccount(clients: AwsClients): Promise<string> {
  const identity = await clients.sts.send(new GetCallerIdentityCommand({}));
  if (identity.Account === undefined) {
    throw new ObserveError('GetCallerIdentity returned no account id');
  }
  return identity.Account;
}

async function describeAll(
  clients: AwsClients,
  secretIds: readonly string[],
  log: Log,
): Promise<SecretJson[]> {
  const out: SecretJson[] = [];
  for (const secretId of new Set(secretIds)) {
    const secret = await describeSecretInFull(clients.secretsManager, secretId, log);
    if (secret !== null) out.push(secret);
  }
  return out;
}

/** Services whose drift sections, tasks and secrets are read in detail. */
function selectConsumers(
  scope: ObserveScope,
  services: readonly ServiceJson[],
  index: ReturnType<typeof referenceIndex>,
  targets: readonly SecretJson[],
  log: Log,
): ServiceJson[] {
  if (scope.drift === 'services') {
    return [...services];
  }
  if (index === null) {
    log.warn('references unknown: reading every service in detail', {
      services: services.length,
    });
    return [...services];
  }
  const arns = new Set(targets.map((secret) => secret.ARN));
  const unresolved = scope.secrets.filter(
    (id) => !targets.some((s) => s.ARN === id || s.Name === id),
  );
  return services.filter((service) =>
    (index.services.get(service.serviceArn) ?? []).some((reference) =>
      referencesSecret(reference, arns, arns.size > 0 ? [] : unresolved),
    ),
  );
}

function taskDefinitionsOfService(service: ServiceJson): string[] {
  const arns = [service.taskDefinition];
  for (const deployment of service.deployments ?? []) {
    if (deployment.taskDefinition) arns.push(deployment.taskDefinition);
  }
  return arns;
}

function usedDefinitions(
  document: SnapshotInput,
  consumers: readonly ServiceJson[],
): TaskDefinitionJson[] {
  const arns = new Set(consumers.flatMap(taskDefinitionsOfService));
  for (const task of document.tasks ?? []) arns.add(task.taskDefinitionArn);
  return document.taskDefinitions.filter((t) => arns.has(t.taskDefinitionArn));
}

function rolesOf(taskDefinitions: readonly TaskDefinitionJson[]): string[] {
  return taskDefinitions.flatMap((t) =>
    [t.executionRoleArn, t.taskRoleArn].filter((arn): arn is string => Boolean(arn)),
  );
}

function subnetsOf(service: ServiceJson): string[] {
  return service.networkConfiguration?.awsvpcConfiguration?.subnets ?? [];
}

function secretArnsOf(references: readonly ResolvedReference[]): string[] {
  return [...new Set(references.flatMap((r) => (r.secret ? [r.secret.ARN] : [])))];
}

/** ListSecrets entries, each replaced by its full description when one was read. */
function mergeSecrets(listed: readonly SecretJson[], details: readonly SecretJson[]) {
  const byArn = new Map(listed.map((secret) => [secret.ARN, secret]));
  for (const secret of details) byArn.set(secret.ARN, secret);
  return [...byArn.values()];
}

function unique(taskDefinitions: TaskDefinitionJson[]): TaskDefinitionJson[] {
  return [...new Map(taskDefinitions.map((t) => [t.taskDefinitionArn, t])).values()];
}
