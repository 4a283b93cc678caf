import type { ActionOutcome } from '../../lib/act/types.js';
import type { ReconcileReport } from '../../lib/reconcile/types.js';
import type { Paint } from './colour.js';
import { columns } from './columns.js';
import type { Names } from './names.js';

const HEADINGS = ['SERVICE', 'ACTION', 'OUTCOME', 'REASON', 'DETAIL'];

function detail(outcome: ActionOutcome): string {
  if (outcome.error !== null) {
    const retry = outcome.error.retryable ? 'retryable' : 'not retried';
    return `${outcome.error.name}: ${outcome.error.message} (${retry})`;
  }
  if (outcome.deploymentId !== null) return `deployment ${outcome.deploymentId}`;
  if (outcome.eventId !== null) return `event ${outcome.eventId}`;
  return '-';
}

/** What `apply` did with each action, and what it published, as a person reads it. */
export function renderOutcomes(
  report: ReconcileReport,
  context: { names: Names; paint: Paint },
): string {
  const { names, paint } = context;
  const lines = [paint.bold(`OUTCOMES (${report.outcomes.length})`)];
  if (report.outcomes.length > 0) {
    const rows = report.outcomes.map((o) => [
      names.service(o.serviceArn),
      o.type,
      o.outcome,
      o.reason,
      detail(o),
    ]);
    const [heading, ...body] = columns([HEADINGS, ...rows]);
    lines.push(`  ${paint.dim(heading ?? '')}`, ...body.map((line) => `  ${line}`));
  }

  const { sent, failed } = report.published;
  lines.push(
    '',
    `reconcile ${report.reconcileId}: published ${sent} events` +
      (failed > 0 ? `, ${failed} could not be published` : '') +
      (report.retryable ? '; some failures are worth retrying' : ''),
  );
  return `${lines.join('\n')}\n`;
}
