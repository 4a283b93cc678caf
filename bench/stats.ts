/** Timing of several runs of one measurement, in milliseconds. */
export type Stats = {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
};

/** What one measurement reports: its timings and the memory it took. */
export type CaseResult = {
  size: number | null;
  name: string;
  stats: Stats;
  /** Highest heap used after any run, MB; null where it was not read. */
  heapUsedMB: number | null;
  /** Peak resident set size of the process that ran it, MB. */
  rssPeakMB: number;
  /** Fleet services handled per second at the median; null where it means nothing. */
  servicesPerSecond: number | null;
};

/** The `q` quantile (0..1) of sorted samples, interpolated between order statistics. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[above] ?? low;
  return low + (high - low) * (position - below);
}

/** Median, p95, min and max of a list of durations. */
export function summarise(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    medianMs: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    minMs: sorted[0] ?? Number.NaN,
    maxMs: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Services per second at the median duration. */
export function throughput(services: number, stats: Stats): number {
  return stats.medianMs > 0 ? (services * 1000) / stats.medianMs : Number.NaN;
}

export const MB = 1024 * 1024;
