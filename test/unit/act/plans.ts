import { readFileSync } from 'node:fs';
import { PlanSchema } from '../../../lib/plan/schema.js';
import type { Plan } from '../../../lib/plan/types.js';

/** Loads and validates a plan under test/fixtures/plans/. */
export function loadPlanFixture(name: string): Plan {
  const url = new URL(`../../fixtures/plans/${name}.json`, import.meta.url);
  return PlanSchema.parse(JSON.parse(readFileSync(url, 'utf8'))) as Plan;
}
