import { describe, expect, it } from 'vitest';
import {
  localMatcher,
  type PatternMatcher,
  testEventPatternMatcher,
} from '../../support/event-pattern.js';
import { INTENDED_RULES, isEventBridgeFixture } from '../../support/event-routes.js';
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

describe('rules', () => {
  it('covers every EventBridge fixture when the table is read', () => {
    const eventBridge = listEventFixtures().filter(isEventBridgeFixture);

    expect(Object.keys(INTENDED_RULES).sort()).toEqual(eventBridge);
  });

  it.each(Object.entries(INTENDED_RULES))(
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
