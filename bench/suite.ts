import { DEFAULT_POLICY, plan, serviceConsumer } from '../lib/decide/index.js';
import { checkHygiene } from '../lib/drift/hygiene/index.js';
import { checkRoles } from '../lib/drift/iam/index.js';
import { checkNetwork } from '../lib/drift/network/index.js';
import type { Consumer } from '../lib/drift/types.js';
import type { Trigger } from '../lib/events/types.js';
import { collectReferences } from '../lib/refs/index.js';
import type { ResolvedReference } from '../lib/refs/types.js';
import { parseSnapshot, snapshotIndex } from '../lib/snapshot/index.js';
import type { Snapshot } from '../lib/snapshot/types.js';
import { driftSource, storesOf } from './drift.js';
import { generateFleet } from './fleet/generate.js';
import { type MeasureOptions, measure } from './measure.js';
import { type CaseResult, throughput } from './stats.js';

export type SuiteOptions = MeasureOptions & {
  services: number;
  secrets: number;
  seed: number;
};

type Prepared = { consumer: Consumer; refs: ResolvedReference[] };

function resync(at: string): Trigger {
  return {
    kind: 'resync',
    source: 'schedule',
    clusters: [],
    secrets: [],
    at,
    eventId: null,
    account: null,
    region: null,
  };
}

function rotation(snapshot: Snapshot, secretArn: string): Trigger {
  const secret = snapshot.secrets.find((s) => s.ARN === secretArn);
  const current = secret?.Versions?.find((v) => v.VersionStages.includes('AWSCURRENT'));
  return {
    kind: 'secretChanged',
    change: 'rotationSucceeded',
    secretId: secretArn,
    label: 'AWSCURRENT',
    versionId: current?.VersionId ?? null,
    movesLabel: true,
    at: snapshot.capturedAt,
    eventId: 'bench-rotation',
    account: snapshot.account,
    region: snapshot.region,
  };
}

/** Every service's consumer and references, resolved once outside the timed drift checks. */
function prepare(snapshot: Snapshot): Prepared[] {
  const index = snapshotIndex(snapshot);
  return snapshot.services.map((service) => {
    const taskDefinition = index.taskDefinitionsByArn.get(service.taskDefinition);
    return {
      consumer: serviceConsumer(service, taskDefinition),
      refs: collectReferences(snapshot, service, taskDefinition).references,
    };
  });
}

/**
 * The in-process measurements for one fleet size: load and validate,
 * plan (resync, one rotation, resync with drift) and each drift check over
 * every service. Run each size in its own process so RSS peaks stay apart.
 */
export async function runSuite(options: SuiteOptions): Promise<CaseResult[]> {
  const fleet = generateFleet(options);
  const text = JSON.stringify(fleet.document);
  const snapshot = parseSnapshot(JSON.parse(text), 'bench');
  const now = new Date(snapshot.capturedAt);
  const prepared = prepare(snapshot);
  const drift = await driftSource(now);
  const n = options.services;
  const results: CaseResult[] = [];

  const cases: [string, () => unknown, boolean][] = [
    [
      'parseSnapshot (JSON.parse + validate)',
      () => parseSnapshot(JSON.parse(text), 'b'),
      true,
    ],
    [
      'plan: resync',
      () => plan(snapshot, resync(snapshot.capturedAt), DEFAULT_POLICY, now),
      true,
    ],
    [
      'plan: secretChanged (busiest secret)',
      () =>
        plan(snapshot, rotation(snapshot, fleet.busiestSecretArn), DEFAULT_POLICY, now),
      true,
    ],
    [
      'checkRoles, every service',
      () => prepared.map((p) => checkRoles(snapshot, p.consumer, p.refs)),
      true,
    ],
    [
      'checkNetwork, every service',
      () =>
        prepared.map((p) =>
          checkNetwork(snapshot, p.consumer, storesOf(p.refs), DEFAULT_POLICY),
        ),
      true,
    ],
    [
      'checkHygiene, every service',
      () => prepared.map((p) => checkHygiene(snapshot, p.consumer, p.refs, { now })),
      true,
    ],
    [
      `plan: resync + drift (${drift.origin})`,
      () =>
        plan(snapshot, resync(snapshot.capturedAt), DEFAULT_POLICY, now, drift.checks),
      true,
    ],
  ];

  for (const [name, fn, perService] of cases) {
    const measured = await measure(name, fn, options);
    results.push({
      size: n,
      name,
      ...measured,
      servicesPerSecond: perService ? throughput(n, measured.stats) : null,
    });
  }
  return results;
}
