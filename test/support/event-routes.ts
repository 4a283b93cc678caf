/**
 * Which deployed EventBridge rules each documented event must reach. The
 * unit test checks it with a pattern matcher, the integration test with
 * the emulator's own rule routing, so both hold the rules to one table.
 */

/** The rules each EventBridge fixture must reach; every other rule must miss it. */
export const INTENDED_RULES: Readonly<Record<string, readonly string[]>> = {
  'secretsmanager/secret-label-updated.json': ['secret-label-updated'],
  'secretsmanager/rotation-succeeded.json': ['secret-rotation'],
  'secretsmanager/rotation-failed.json': ['secret-rotation'],
  'secretsmanager/rotation-abandoned.json': ['secret-rotation'],
  'secretsmanager/put-secret-value.json': ['secret-api-calls'],
  'secretsmanager/put-secret-value-pending.json': ['secret-api-calls'],
  'secretsmanager/put-secret-value-legacy-arn.json': ['secret-api-calls'],
  // A failed call is filtered out by the rule (errorCode must be absent).
  'secretsmanager/put-secret-value-access-denied.json': [],
  'secretsmanager/update-secret-version-stage.json': ['secret-api-calls'],
  'secretsmanager/update-secret-version-stage-remove-pending.json': ['secret-api-calls'],
  'secretsmanager/delete-secret.json': ['secret-api-calls'],
  'secretsmanager/restore-secret.json': ['secret-api-calls'],
  'ecs/deployment-in-progress.json': ['ecs-deployment'],
  'ecs/deployment-completed.json': ['ecs-deployment'],
  'ecs/deployment-failed.json': ['ecs-deployment'],
  'ecs/task-stopped-secret-fetch-failed.json': ['ecs-task-stopped'],
  'ecs/task-stopped-essential-exited.json': ['ecs-task-stopped'],
  // Tasks the scheduler replaces during a deployment are not worth an invocation.
  'ecs/task-stopped-scheduler.json': [],
  'ecs/task-running.json': [],
  // The schedule is a schedule expression, not a pattern.
  'schedule/scheduled-event.json': [],
};

/** Whether a fixture is an EventBridge event (manual triggers are invoked directly). */
export function isEventBridgeFixture(path: string): boolean {
  return !path.startsWith('manual/');
}
