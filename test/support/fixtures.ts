import { readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A JSON object as an event fixture holds it; the code under test validates it. */
export type EventFixture = Record<string, unknown>;

/** An EventBridge event pattern as deployments write it. */
export type EventPattern = Record<string, unknown>;

const EVENTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'events');

/** Loads `events/<relPath>`, e.g. `secretsmanager/secret-label-updated.json`. */
export function loadEventFixture(relPath: string): EventFixture {
  const parsed: unknown = JSON.parse(readFileSync(resolveFixture(relPath), 'utf8'));
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`Fixture ${relPath} is not a JSON object`);
  }
  return parsed as EventFixture;
}

/** Loads the rule pattern `events/rules/<name>.json`. */
export function loadEventRule(name: string): EventPattern {
  return loadEventFixture(`rules/${name}.json`);
}

/** Every fixture under `events/<dir>` (default: every event, rules excluded), sorted. */
export function listEventFixtures(dir?: string): string[] {
  const root = dir === undefined ? EVENTS_DIR : resolveFixture(dir);
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .map((file) => relative(EVENTS_DIR, join(root, file)).split(sep).join('/'));
  return files.filter((file) => !file.startsWith('rules/')).sort();
}

/** Names of every rule under `events/rules`, sorted. */
export function listEventRules(): string[] {
  return readdirSync(join(EVENTS_DIR, 'rules'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

function resolveFixture(relPath: string): string {
  const clean = normalize(relPath);
  if (isAbsolute(clean) || clean.startsWith('..')) {
    throw new Error(`Fixture path must stay under events/: ${relPath}`);
  }
  return join(EVENTS_DIR, clean);
}
