import type { Paint } from '../format/colour.js';
import { columns } from '../format/columns.js';
import type { DemoService, DemoSummary } from './summary.js';

const HEADINGS = ['SERVICE', 'CLUSTER', 'ACTION', 'REASON', 'WHAT HAPPENED'];

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function happened(service: DemoService, summary: DemoSummary): string {
  const { before, after, changed } = service.deployment;
  if (changed) return `deployment ${before ?? '-'} → ${after ?? '-'}`;
  if (service.action === 'signal') {
    const signal = summary.signals.find((s) => s.service === service.name);
    return signal
      ? `refresh event ${signal.eventId} read back from the bus`
      : 'no signal';
  }
  return `deployment ${after ?? '-'} unchanged`;
}

function serviceLines(summary: DemoSummary, paint: Paint): string[] {
  const rows = summary.services.map((service) => [
    service.name,
    service.cluster,
    service.action ?? '-',
    service.reason ?? '(not a consumer)',
    happened(service, summary),
  ]);
  const [heading, ...body] = columns([HEADINGS, ...rows]);
  const lines = [`  ${paint.dim(heading ?? '')}`];
  body.forEach((line, i) => {
    const service = summary.services[i];
    lines.push(`  ${service?.action ? paint.action(service.action, line) : line}`);
    if (service?.action === 'block' && service.message !== null) {
      lines.push(`    ${paint.dim(service.message)}`);
    }
  });
  return lines;
}

function findingLines(summary: DemoSummary, paint: Paint): string[] {
  if (summary.findings.length === 0) return ['  none'];
  const rows = summary.findings.map((f) => [
    f.severity,
    f.via === null ? f.code : `${f.code} (${f.via})`,
    f.resource,
    f.message,
  ]);
  return columns(rows).map((line, i) => {
    const severity = summary.findings[i]?.severity ?? 'info';
    return `  ${paint.severity(severity, line)}`;
  });
}

/** The demo's outcome as a person reads it. */
export function renderSummary(summary: DemoSummary, paint: Paint): string {
  const { rotation, resync, install } = summary;
  const lines = [
    '',
    paint.bold('Install'),
    `  The first scheduled resync recorded every label and started ${count(install.deploymentsStarted, 'deployment')}.`,
    '',
    paint.bold(`Rotation of ${rotation.secret}`),
    `  AWSCURRENT moved ${rotation.previousVersionId} → ${rotation.versionId}`,
    `  Secret Label Updated event ${rotation.eventId} (${rotation.eventTime}) → secret-changes handler`,
    `  ${count(rotation.eventsPublished, 'event')} published on the bus`,
    '',
    ...serviceLines(summary, paint),
    '',
    paint.bold('Signals read back from the bus'),
    ...(summary.signals.length === 0
      ? ['  none']
      : summary.signals.map(
          (s) =>
            `  ${s.service}: ${s.secrets.map((v) => `${v.secret} ${v.label} = ${v.versionId}`).join(', ')}`,
        )),
    '',
    paint.bold('Resync after the rotation'),
    `  ${count(resync.deploymentsStarted, 'deployment')} started, ${count(resync.signalsSent, 'signal')} sent`,
    '',
    paint.bold('Findings across the fleet (from the resync)'),
    ...findingLines(summary, paint),
    '',
    paint.bold('Checks'),
    ...summary.checks.map((c) => `  ${c.passed ? '✓' : '✗'} ${c.name}`),
    '',
    `${summary.ok ? 'Done' : 'Finished with failed checks'}: the scenario took ` +
      `${(summary.durationMs / 1000).toFixed(1)} s after the emulator started.`,
  ];
  return `${lines.join('\n')}\n`;
}
