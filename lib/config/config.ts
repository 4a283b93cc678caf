import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const list = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

/** The environment variables the controller reads, and their defaults. */
export const ConfigSchema = z.object({
  /** `enforce` acts on plans; `observe` plans and publishes, touching nothing. */
  RECONCILER_MODE: z.enum(['observe', 'enforce']).default('enforce'),
  /** DynamoDB table holding when each secret label last moved. */
  RECORDS_TABLE: z.string().min(1).default('ecs-secret-reconciler-records'),
  /** EventBridge bus for refresh signals and published plan events. */
  EVENT_BUS_NAME: z.string().min(1).default('default'),
  /** Treat a NAT or internet path to Secrets Manager as a high-severity finding. */
  REQUIRE_PRIVATE_PATH: flag.default(false),
  /** Most deployments the controller keeps in flight per cluster. */
  MAX_DEPLOYMENTS_PER_CLUSTER: z.coerce.number().int().min(1).max(100).default(5),
  /** UpdateService calls per second the controller allows itself. */
  UPDATE_SERVICE_RATE: z.coerce.number().positive().max(20).default(1),
  /** Clusters a resync covers (names or ARNs); empty means every cluster. */
  CLUSTERS: list.default([]),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  /** Endpoint override for every AWS client (the local emulator). */
  AWS_ENDPOINT_URL: z.url().optional(),
});

export type Config = Readonly<{
  mode: 'observe' | 'enforce';
  recordsTable: string;
  eventBusName: string;
  requirePrivatePath: boolean;
  maxDeploymentsPerCluster: number;
  updateServiceRate: number;
  clusters: readonly string[];
  region: string;
  endpoint: string | undefined;
}>;

/** The environment does not hold a valid configuration; the validation error is the cause. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses and validates the environment once; throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`, {
      cause: parsed.error,
    });
  }
  const value = parsed.data;
  return Object.freeze({
    mode: value.RECONCILER_MODE,
    recordsTable: value.RECORDS_TABLE,
    eventBusName: value.EVENT_BUS_NAME,
    requirePrivatePath: value.REQUIRE_PRIVATE_PATH,
    maxDeploymentsPerCluster: value.MAX_DEPLOYMENTS_PER_CLUSTER,
    updateServiceRate: value.UPDATE_SERVICE_RATE,
    clusters: Object.freeze([...value.CLUSTERS]),
    region: value.AWS_REGION,
    endpoint: value.AWS_ENDPOINT_URL,
  });
}
