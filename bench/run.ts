// `npm run bench`: generates seeded fleets of growing size and measures
// loading, planning and the drift checks on each (one process per size), then
// the CLI's cold start and the Lambda bundle's module init. Prints a table,
// or JSON with --json; --quick makes a small, fast smoke run.
import { spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateFleet } from './fleet/generate.js';
import {
  buildCli,
  bundleLambda,
  cliColdStart,
  lambdaInit,
  writeFleet,
} from './processes.js';
import { type BenchReport, type FleetSummary, renderReport } from './report.js';
import type { CaseResult } from './stats.js';
import type { SuiteOptions } from './suite.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECRETS = 500;

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    iterations: { type: 'string' },
    seed: { type: 'string', default: '20250602' },
  },
});

const quick = values.quick === true;
const seed = Number(values.seed);
const sizes = (values.sizes ?? (quick ? '100,300' : '100,1000,5000'))
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);

/** Fewer runs as fleets grow, so a full run stays within minutes on 2 cores. */
function iterationsFor(services: number): number {
  if (values.iterations !== undefined) return Number(values.iterations);
  if (quick) return 3;
  return services <= 100 ? 10 : services <= 1000 ? 7 : 5;
}

const progress = (message: string) => process.stderr.write(`bench: ${message}\n`);

function runSize(options: SuiteOptions): Promise<CaseResult[]> {
  return new Promise((resolve, reject) => {
    const args = [
      '--expose-gc',
      '--import',
      'tsx',
      'bench/size.ts',
      JSON.stringify(options),
    ];
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(stdout) as CaseResult[])
        : reject(new Error(`size ${options.services} exited ${code}`)),
    );
  });
}

const results: CaseResult[] = [];
const fleets: FleetSummary[] = [];
for (const services of sizes) {
  const iterations = iterationsFor(services);
  progress(`${services} services: ${iterations} runs of each measurement`);
  results.push(
    ...(await runSize({ services, secrets: SECRETS, seed, iterations, warmup: 1 })),
  );
}

// The CLI runs on the middle fleet (the only one, or the larger of two).
const cliSize = sizes[Math.floor(sizes.length / 2)] ?? 100;
const processRuns = quick ? 3 : 10;
for (const services of sizes) {
  const fleet = generateFleet({ services, secrets: SECRETS, seed });
  const text = JSON.stringify(fleet.document);
  fleets.push({
    services,
    secrets: SECRETS,
    references: fleet.referenceCount,
    tasks: (fleet.document.tasks as unknown[]).length,
    megabytes: Buffer.byteLength(text) / 1024 / 1024,
  });
  if (services === cliSize) {
    progress(`CLI cold start on ${services} services: building, ${processRuns} runs`);
    await buildCli(ROOT);
    const file = await writeFleet(fleet.document);
    results.push(await cliColdStart(ROOT, file, services, processRuns));
  }
}

progress(`Lambda module init: bundling, ${processRuns} runs`);
const bundle = await bundleLambda(ROOT);
results.push(await lambdaInit(ROOT, bundle.file, processRuns));

const report: BenchReport = {
  machine: {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryMB: Math.round(totalmem() / 1024 / 1024),
  },
  options: { quick, seed, sizes },
  fleets,
  lambdaBundleBytes: bundle.bytes,
  results,
};
process.stdout.write(
  values.json === true ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report),
);
