import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { loadConfig } from '../lib/config/config.js';
import type { TriggerKind } from '../lib/events/types.js';
import type { Log } from '../lib/log.js';
import { createClients } from '../lib/observe/clients.js';
import { createReconciler } from '../lib/reconcile/index.js';
import { type HandlerResult, handleEvent } from '../lib/runtime/handle.js';

const SERVICE = 'ecs-secret-reconciler';

// Made once per execution environment and reused across invocations.
const config = loadConfig(process.env);
const logger = new Logger({ serviceName: SERVICE });
const log: Log = {
  debug: (message, fields = {}) => logger.debug(message, fields),
  info: (message, fields = {}) => logger.info(message, fields),
  warn: (message, fields = {}) => logger.warn(message, fields),
  error: (message, fields = {}) => logger.error(message, fields),
};
const metrics = new Metrics({ namespace: 'EcsSecretReconciler', serviceName: SERVICE });
const clients = createClients({ region: config.region, endpoint: config.endpoint });
const reconcile = createReconciler(clients, config, log);
const counter = {
  count: (name: string, value = 1) => metrics.addMetric(name, MetricUnit.Count, value),
};

/** Builds a Lambda handler for the given trigger kinds, with logging and metrics middleware. */
export function eventHandler(accepts: readonly TriggerKind[]) {
  return middy(
    (event: unknown, _context: Context): Promise<HandlerResult> =>
      handleEvent(event, accepts, { reconcile, log, counter }),
  )
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { captureColdStartMetric: true }));
}
