/**
 * Test-only EventBridge pattern matching, for checking that each fixture
 * reaches exactly the rules meant for it.
 *
 * No npm package for this is well kept, and moto (5.2.x) answers
 * TestEventPattern with NotImplemented. So `localMatcher` evaluates the
 * subset of the pattern language our rules use (exact values, `prefix`,
 * `exists`, `anything-but` with a value or a list), and throws on anything
 * else so a new operator cannot pass silently. `testEventPatternMatcher`
 * asks a real EventBridge endpoint instead; the rule test uses it when
 * `EVENT_PATTERN_ENDPOINT` is set.
 */
import { EventBridgeClient, TestEventPatternCommand } from '@aws-sdk/client-eventbridge';

export type PatternMatcher = (pattern: object, event: object) => Promise<boolean>;

/** Matches in-process; throws on operators outside the supported subset. */
export const localMatcher: PatternMatcher = async (pattern, event) =>
  matchObject(pattern as Record<string, unknown>, event as Record<string, unknown>);

/** Matches through the `TestEventPattern` API of the endpoint given. */
export function testEventPatternMatcher(endpoint: string): PatternMatcher {
  const client = new EventBridgeClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  return async (pattern, event) => {
    const out = await client.send(
      new TestEventPatternCommand({
        EventPattern: JSON.stringify(pattern),
        Event: JSON.stringify(event),
      }),
    );
    return out.Result === true;
  };
}

function matchObject(pattern: Record<string, unknown>, event: unknown): boolean {
  return Object.entries(pattern).every(([key, rule]) => {
    const value =
      event !== null && typeof event === 'object' && Object.hasOwn(event, key)
        ? (event as Record<string, unknown>)[key]
        : undefined;

    if (Array.isArray(rule)) return matchLeaf(rule, value);
    if (rule !== null && typeof rule === 'object') {
      return matchObject(rule as Record<string, unknown>, value);
    }
    throw new Error(`Pattern key ${key} must hold an array or an object`);
  });
}

/** A leaf matches when any of its conditions does; an array value when any element does. */
function matchLeaf(conditions: unknown[], value: unknown): boolean {
  return conditions.some((condition) => {
    if (condition !== null && typeof condition === 'object') {
      return matchOperator(condition as Record<string, unknown>, value);
    }
    if (value === undefined) return false;
    return Array.isArray(value) ? value.includes(condition) : value === condition;
  });
}

function matchOperator(operator: Record<string, unknown>, value: unknown): boolean {
  const [name, argument, ...rest] = Object.entries(operator).flat();
  if (rest.length > 0) throw new Error('One operator per condition');

  if (name === 'exists') return (value !== undefined) === argument;
  if (value === undefined) return false;

  const values = Array.isArray(value) ? value : [value];
  if (name === 'prefix' && typeof argument === 'string') {
    return values.some((v) => typeof v === 'string' && v.startsWith(argument));
  }
  if (name === 'anything-but') {
    const excluded = Array.isArray(argument) ? argument : [argument];
    if (excluded.some((e) => e !== null && typeof e === 'object')) {
      throw new Error('anything-but with a nested operator is not supported here');
    }
    return values.some((v) => !excluded.includes(v));
  }
  throw new Error(`Unsupported pattern operator: ${String(name)}`);
}
