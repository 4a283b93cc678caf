import { describe, expect, it } from 'vitest';
import {
  localMatcher,
  type PatternMatcher,
  testEventPatternMatcher,
} from '../../support/event-pattern.js';
import {
  listEventFixtures,
  listEventRules,
  loadEventFixture,
  loadEventRule,
} from '../../support/fixtures.js';

// Set EVENT_PATTERN_ENDPOINT to check the rules against a real TestEventPattern.
const endpoint = process.env.EVENT_PATTERN_ENDPOINT;
const matches: PatternMatcher = endpoint
  ? testEventPatternMatcher(endpoint)
  : localMatcher;

/** The rules each EventBridge fixture must reach; every other rule must miss it. */
const INTENDED: Record<string, string[]> = {
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

describe('rules', () => {
  it('covers every EventBridge fixture when the table is read', () => {
    const eventBridge = listEventFixtures().filter((path) => !path.startsWith('manual/'));

    expect(Object.keys(INTENDED).sort()).toEqual(eventBridge);
  });

  it.each(Object.entries(INTENDED))(
    'reaches exactly its intended rules when %s is published',
    async (path, intended) => {
      const event = loadEventFixture(path);

      const reached: string[] = [];
      for (const rule of listEventRules()) {
        if (await matches(loadEventRule(rule), event)) reached.push(rule);
      }

      expect(reached).toEqual([...intended].sort());
    },
  );

  it('misses the stopped-task rule when the task was not started by a service', async () => {
    const event = loadEventFixture('ecs/task-stopped-secret-fetch-failed.json');
    const standalone = {
      ...event,
      detail: { ...(event.detail as object), group: 'family:payments-api' },
    };

    expect(await matches(loadEventRule('ecs-task-stopped'), standalone)).toBe(false);
  });
});
