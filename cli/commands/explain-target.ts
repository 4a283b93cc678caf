import { clusterMatches } from '../../lib/decide/index.js';
import type { Service, Snapshot } from '../../lib/snapshot/types.js';
import { InputError } from '../errors.js';
import { lastSegment } from '../format/names.js';

/** Edit distance between two short names (insert, delete, substitute). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(
        Math.min(
          (previous[j] ?? 0) + 1,
          (current[j - 1] ?? 0) + 1,
          (previous[j - 1] ?? 0) + cost,
        ),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Up to five service names near `wanted`: shared substrings first, then by edit distance. */
export function closeNames(wanted: string, names: string[]): string[] {
  const needle = wanted.toLowerCase();
  const scored = [...new Set(names)].map((name) => {
    const lower = name.toLowerCase();
    const overlap = lower.includes(needle) || needle.includes(lower);
    return { name, score: overlap ? 0 : distance(needle, lower) };
  });
  const limit = Math.max(3, Math.floor(wanted.length / 2));
  return scored
    .filter((entry) => entry.score <= limit)
    .sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : 1))
    .slice(0, 5)
    .map((entry) => entry.name);
}

function inCluster(service: Service, cluster: string | undefined): boolean {
  return cluster === undefined || clusterMatches(service.clusterArn, cluster);
}

/**
 * The service a name or ARN means; `cluster` (name or ARN) tells apart
 * services of the same name. Unknown or ambiguous names are InputErrors.
 */
export function findService(
  snapshot: Snapshot,
  wanted: string,
  cluster?: string,
): Service {
  const named = snapshot.services.filter(
    (service) => service.serviceArn === wanted || service.serviceName === wanted,
  );
  const matches = named.filter((service) => inCluster(service, cluster));
  const [only] = matches;
  if (only !== undefined && matches.length === 1) return only;

  if (matches.length > 1) {
    const clusters = matches.map((service) => lastSegment(service.clusterArn)).sort();
    throw new InputError(
      `service ${wanted} exists in several clusters (${clusters.join(', ')}); ` +
        'choose one with --cluster',
    );
  }
  const where = cluster === undefined ? '' : ` in cluster ${cluster}`;
  // The name exists, only not in the cluster asked for.
  if (named.length > 0) {
    const elsewhere = named.map((service) => lastSegment(service.clusterArn)).sort();
    throw new InputError(
      `no service ${wanted}${where}; it is in cluster ${elsewhere.join(', ')}`,
    );
  }
  const near = closeNames(
    wanted.includes('/') ? lastSegment(wanted) : wanted,
    snapshot.services.filter((s) => inCluster(s, cluster)).map((s) => s.serviceName),
  );
  const hint = near.length > 0 ? `; did you mean ${near.join(', ')}?` : '';
  throw new InputError(`no service ${wanted}${where}${hint}`);
}
