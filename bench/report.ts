import type { CaseResult } from './stats.js';

/** A fleet that was measured: its size and the document's. */
export type FleetSummary = {
  services: number;
  secrets: number;
  references: number;
  tasks: number;
  megabytes: number;
};

/** Everything one benchmark run found, as `--json` prints it. */
export type BenchReport = {
  machine: {
    node: string;
    platform: string;
    cpus: number;
    cpuModel: string;
    memoryMB: number;
  };
  options: { quick: boolean; seed: number; sizes: number[] };
  fleets: FleetSummary[];
  lambdaBundleBytes: number | null;
  results: CaseResult[];
};

const known = (value: number | null): value is number =>
  value !== null && !Number.isNaN(value);
const ms = (value: number) =>
  !known(value) ? '-' : value >= 100 ? value.toFixed(0) : value.toFixed(1);
const mb = (value: number | null) => (known(value) ? value.toFixed(0) : '-');
const rate = (value: number | null) =>
  known(value) ? Math.round(value).toLocaleString('en-US') : '-';

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0),
      )
      .join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join(
    '\n',
  );
}

/** The report as text tables: the fleets, then one row per measurement. */
export function renderReport(report: BenchReport): string {
  const { machine } = report;
  const fleets = table(
    ['services', 'secrets', 'references', 'tasks', 'snapshot MB'],
    report.fleets.map((f) => [
      String(f.services),
      String(f.secrets),
      String(f.references),
      String(f.tasks),
      f.megabytes.toFixed(1),
    ]),
  );
  const results = table(
    [
      'size',
      'measurement',
      'runs',
      'median ms',
      'p95 ms',
      'heap MB',
      'RSS peak MB',
      'services/s',
    ],
    report.results.map((r) => [
      r.size === null ? '-' : String(r.size),
      r.name,
      String(r.stats.runs),
      ms(r.stats.medianMs),
      ms(r.stats.p95Ms),
      mb(r.heapUsedMB),
      mb(r.rssPeakMB),
      rate(r.servicesPerSecond),
    ]),
  );
  const bundle =
    report.lambdaBundleBytes === null
      ? []
      : [`Lambda bundle (minified): ${(report.lambdaBundleBytes / 1024).toFixed(0)} KiB`];
  return [
    `Node ${machine.node} on ${machine.platform}, ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryMB} MB${report.options.quick ? ' (quick run)' : ''}`,
    '',
    fleets,
    '',
    results,
    ...(bundle.length > 0 ? ['', ...bundle] : []),
    '',
  ].join('\n');
}
