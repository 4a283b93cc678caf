import type { FleetContext } from './context.js';
import { generateRoles } from './identity.js';
import { generateNetwork } from './network.js';
import { createRandom } from './random.js';
import { generateSecrets } from './secrets.js';
import { generateWorkloads } from './services.js';

export type FleetOptions = {
  services: number;
  secrets: number;
  seed: number;
};

/** A snapshot document as the AWS CLI prints it, plus what a benchmark aims at. */
export type Fleet = {
  document: Record<string, unknown>;
  /** The ARN of the secret most services reference: the target of a secretChanged trigger. */
  busiestSecretArn: string;
  /** Secret references in task definitions and tags, of every form. */
  referenceCount: number;
};

/** The capture time of every generated fleet: fixed, so documents repeat exactly. */
export const FLEET_CAPTURED_AT = new Date('2025-06-02T09:30:00.000Z');

/**
 * A synthetic fleet of `services` ECS services over `secrets` secrets, with
 * tasks, label records, IAM roles, KMS keys and an ec2 section; the same
 * options give the same document, byte for byte.
 */
export function generateFleet(options: FleetOptions): Fleet {
  const context: FleetContext = {
    account: '111122223333',
    region: 'us-east-1',
    now: FLEET_CAPTURED_AT,
    random: createRandom(options.seed),
  };
  const secrets = generateSecrets(context, options.secrets);
  const network = generateNetwork(
    context,
    Math.max(3, Math.ceil(options.services / 250)),
    Math.max(3, Math.ceil(options.services / 5)),
  );
  const workloads = generateWorkloads(
    context,
    options.services,
    secrets.infos,
    secrets.parameterNames,
    network.placements,
  );

  const consumers = new Map<string, number>();
  let referenceCount = 0;
  for (const grant of workloads.grants) {
    for (const secret of [...grant.injected, ...grant.runtime]) {
      consumers.set(secret.arn, (consumers.get(secret.arn) ?? 0) + 1);
      referenceCount++;
    }
  }
  const [busiest] = [...consumers].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  );

  return {
    document: {
      schemaVersion: 1,
      capturedAt: FLEET_CAPTURED_AT.toISOString(),
      account: context.account,
      region: context.region,
      clusters: workloads.clusters,
      services: workloads.services,
      taskDefinitions: workloads.taskDefinitions,
      tasks: workloads.tasks,
      secrets: secrets.secrets,
      ssmParameters: secrets.parameters,
      iam: { roles: generateRoles(context, workloads.grants) },
      kms: { keys: secrets.keys },
      ec2: network.ec2,
      records: secrets.records,
    },
    busiestSecretArn: busiest?.[0] ?? '',
    referenceCount,
  };
}
