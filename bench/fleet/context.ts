import type { Random } from './random.js';

/** What every part of a generated fleet shares. */
export type FleetContext = {
  account: string;
  region: string;
  /** The capture time; every generated time lies before it. */
  now: Date;
  random: Random;
};

const DAY_MS = 86_400_000;

/** An ISO-8601 time between `minDays` and `maxDays` days before `now`. */
export function daysAgo(context: FleetContext, minDays: number, maxDays: number): string {
  const span = (maxDays - minDays) * DAY_MS;
  const ms = context.now.getTime() - minDays * DAY_MS - context.random.next() * span;
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

/** An ARN of `service` in the fleet's account and region. */
export function arnOf(context: FleetContext, service: string, resource: string): string {
  return `arn:aws:${service}:${context.region}:${context.account}:${resource}`;
}
