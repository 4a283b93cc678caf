import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsClients } from '../../lib/observe/clients.js';
import { type SeededNetwork, seedNetwork } from './seed-network.js';
import { type SeededRoles, seedRoles } from './seed-roles.js';
import { type SeededSecrets, seedSecrets } from './seed-secrets.js';
import {
  FleetRole,
  runServiceTask,
  type SeededService,
  seedServices,
} from './seed-services.js';

export { rotateSecret } from './rotate.js';
export { FleetRole, type SeededService } from './seed-services.js';
export type { SeededNetwork, SeededRoles, SeededSecrets };

export type SeedOptions = {
  /** Prefix of every name the seeder creates; default `demo`. */
  prefix?: string;
  /** Region the clients point at; default `us-east-1`. */
  region?: string;
  /** Services that get a running task; default web and worker. */
  runningTasks?: readonly FleetRole[];
};

/** Names and ARNs of everything the seeder made, for assertions and the demo. */
export type SeededFleet = {
  account: string;
  region: string;
  prefix: string;
  network: SeededNetwork;
  secrets: SeededSecrets;
  roles: SeededRoles;
  clusters: { main: string; edge: string };
  services: Record<FleetRole, SeededService>;
  /** Running task ARNs by the service they belong to. */
  tasks: Partial<Record<FleetRole, string[]>>;
};

/**
 * Creates a small but real fleet in the emulator: one VPC with a subnet for
 * each path to Secrets Manager, three secrets (one under a customer-managed
 * key), execution roles (one that cannot read the rotating secret), two
 * clusters with a service for each way of consuming a secret, and running
 * tasks for some of them. Secret values are generated locally and never returned.
 */
export async function seedFleet(
  clients: AwsClients,
  options: SeedOptions = {},
): Promise<SeededFleet> {
  const prefix = options.prefix ?? 'demo';
  const region = options.region ?? 'us-east-1';
  const identity = await clients.sts.send(new GetCallerIdentityCommand({}));
  const account = identity.Account!;

  const network = await seedNetwork(clients.ec2, { region, prefix });
  const secrets = await seedSecrets(clients, { prefix });
  const roles = await seedRoles(clients.iam, { prefix, secrets });
  const { clusters, services } = await seedServices(clients.ecs, {
    prefix,
    region,
    account,
    network,
    secrets,
    roles,
  });

  await holdTasksRunning(clients);
  const tasks: Partial<Record<FleetRole, string[]>> = {};
  for (const role of options.runningTasks ?? [FleetRole.web, FleetRole.worker]) {
    tasks[role] = [await runServiceTask(clients.ecs, services[role])];
  }

  return { account, region, prefix, network, secrets, roles, clusters, services, tasks };
}

/**
 * moto moves a task one state towards STOPPED each time it is described;
 * its state manager can hold tasks in RUNNING instead, as a service's tasks
 * stay. Only an emulator endpoint has that API; real AWS is left alone.
 */
async function holdTasksRunning(clients: AwsClients): Promise<void> {
  const endpoint = await clients.ecs.config.endpoint?.();
  if (endpoint === undefined) {
    return;
  }
  const port = endpoint.port ? `:${endpoint.port}` : '';
  const url = `${endpoint.protocol}//${endpoint.hostname}${port}/moto-api/state-manager/set-transition`;
  const response = await fetch(url, {
    method: 'POST',
    body: JSON.stringify({
      model_name: 'ecs::task',
      transition: { progression: 'manual', times: Number.MAX_SAFE_INTEGER },
    }),
  });
  if (!response.ok) {
    throw new Error(
      `the emulator refused to hold tasks running: HTTP ${response.status}`,
    );
  }
}
