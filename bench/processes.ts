import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { type CaseResult, MB, summarise, throughput } from './stats.js';

/** Prints the process's peak RSS (kB) to stderr on exit, so the parent can read it. */
const RSS_PROBE = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nBENCH_MAXRSS='+process.resourceUsage().maxRSS+'\\n'))`;

type Run = { wallMs: number; stdout: string; stderr: string; code: number | null };

function run(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ wallMs: performance.now() - started, stdout, stderr, code }),
    );
  });
}

function maxRssMB(stderr: string): number {
  const match = /BENCH_MAXRSS=(\d+)/.exec(stderr);
  return match === null ? Number.NaN : (Number(match[1]) * 1024) / MB;
}

/** `npm run build`: the CLI bundle the bin script loads. */
export async function buildCli(root: string): Promise<void> {
  const built = await run(['scripts/build.mjs'], root);
  if (built.code !== 0) throw new Error(`CLI build failed: ${built.stderr}`);
}

/**
 * Wall time of `node bin/ecs-secret-reconciler.mjs plan --snapshot FILE
 * --format json` from spawn to exit: module load, snapshot load, plan, print.
 */
export async function cliColdStart(
  root: string,
  snapshotFile: string,
  services: number,
  runs: number,
): Promise<CaseResult> {
  const times: number[] = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const args = ['--import', RSS_PROBE, 'bin/ecs-secret-reconciler.mjs', 'plan'];
    const result = await run(
      [...args, '--snapshot', snapshotFile, '--format', 'json'],
      root,
    );
    // 0: nothing to do, 1: actions planned; 2 and up are errors.
    if (result.code === null || result.code > 1) {
      throw new Error(`CLI plan exited ${result.code}: ${result.stderr.slice(0, 500)}`);
    }
    JSON.parse(result.stdout);
    times.push(result.wallMs);
    rss = Math.max(rss, maxRssMB(result.stderr));
  }
  const stats = summarise(times);
  return {
    size: services,
    name: 'CLI cold start: plan --format json (spawn to exit)',
    stats,
    heapUsedMB: null,
    rssPeakMB: rss,
    servicesPerSecond: throughput(services, stats),
  };
}

/** Bundles functions/reconcile.ts as the deployment does (serverless.yml esbuild settings). */
export async function bundleLambda(
  root: string,
): Promise<{ file: string; bytes: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'reconciler-bench-'));
  const file = join(dir, 'reconcile.mjs');
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['functions/reconcile.ts'],
    outfile: file,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    mainFields: ['module', 'main'],
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    metafile: true,
    logLevel: 'warning',
  });
  const bytes = Object.values(result.metafile.outputs).reduce(
    (sum, o) => sum + o.bytes,
    0,
  );
  return { file, bytes };
}

/** In a fresh process each run: how long `await import()` of the bundle takes (module init). */
export async function lambdaInit(
  root: string,
  file: string,
  runs: number,
): Promise<CaseResult> {
  const script = [
    `const started = performance.now();`,
    `await import(${JSON.stringify(`file://${file}`)});`,
    `const ms = performance.now() - started;`,
    `process.stdout.write(JSON.stringify({ ms, heap: process.memoryUsage().heapUsed }));`,
  ].join('\n');
  // The environment serverless.yml gives the function, with dummy credentials.
  const env = {
    ...process.env,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    RECONCILER_MODE: 'observe',
    RECORDS_TABLE: 'bench-records',
    EVENT_BUS_NAME: 'default',
    POWERTOOLS_SERVICE_NAME: 'ecs-secret-reconciler',
    POWERTOOLS_METRICS_NAMESPACE: 'EcsSecretReconciler',
    POWERTOOLS_LOG_LEVEL: 'WARN',
  };
  const times: number[] = [];
  let heap = 0;
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const args = ['--import', RSS_PROBE, '--input-type=module', '-e', script];
    const result = await run(args, root, env);
    if (result.code !== 0) {
      throw new Error(`bundle import failed: ${result.stderr.slice(0, 500)}`);
    }
    const out = JSON.parse(result.stdout) as { ms: number; heap: number };
    times.push(out.ms);
    heap = Math.max(heap, out.heap / MB);
    rss = Math.max(rss, maxRssMB(result.stderr));
  }
  return {
    size: null,
    name: 'Lambda bundle module init: await import() (functions/reconcile.ts)',
    stats: summarise(times),
    heapUsedMB: heap,
    rssPeakMB: rss,
    servicesPerSecond: null,
  };
}

/** Writes a fleet document where the CLI can read it. */
export async function writeFleet(document: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'reconciler-fleet-'));
  const file = join(dir, 'fleet.json');
  await writeFile(file, JSON.stringify(document));
  return file;
}
