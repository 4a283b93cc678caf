import { Bench } from 'tinybench';
import { MB, type Stats, summarise } from './stats.js';

export type MeasureOptions = { iterations: number; warmup: number };

export type Measurement = { stats: Stats; heapUsedMB: number; rssPeakMB: number };

/** Collects garbage when the process runs with --expose-gc, so heap readings start even. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The peak resident set size of this process so far, MB. */
export function rssPeakMB(): number {
  // maxRSS is in kilobytes.
  return (process.resourceUsage().maxRSS * 1024) / MB;
}

/**
 * Runs `fn` `iterations` times after `warmup` runs, with tinybench timing
 * each run; the heap is read after every run to find its peak.
 */
export async function measure(
  name: string,
  fn: () => unknown,
  options: MeasureOptions,
): Promise<Measurement> {
  collectGarbage();
  let heapPeak = process.memoryUsage().heapUsed;
  const bench = new Bench({
    iterations: options.iterations,
    time: 0,
    warmup: options.warmup > 0,
    warmupIterations: options.warmup,
    warmupTime: 0,
    retainSamples: true,
    throws: true,
  });
  bench.add(name, async () => {
    await fn();
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  });
  await bench.run();

  const result = bench.getTask(name)?.result;
  const samples =
    result !== undefined && 'latency' in result ? (result.latency.samples ?? []) : [];
  if (samples.length === 0) throw new Error(`no samples for ${name}`);
  return { stats: summarise(samples), heapUsedMB: heapPeak / MB, rssPeakMB: rssPeakMB() };
}
