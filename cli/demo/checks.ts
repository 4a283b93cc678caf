import type { FleetRole, SeededFleet } from './seed.js';
import type { DemoCheck, DemoService, DemoSummary } from './summary.js';

type Observed = Omit<DemoSummary, 'ok' | 'checks'>;

const redeployed = (row: DemoService) =>
  row.action === 'redeploy' && row.outcome === 'succeeded';

/** What the demo promises, checked against what it read back from the emulator. */
export function evaluate(fleet: SeededFleet, observed: Observed): DemoCheck[] {
  const row = (role: FleetRole) => observed.services.find((s) => s.role === role);
  const skipped = (role: FleetRole, reason: string) =>
    row(role)?.action === 'skip' && row(role)?.reason === reason;
  const notifier = fleet.services.notifier.name;
  const findingsOf = (role: FleetRole, code: string) =>
    observed.findings.filter(
      (f) => f.resource === fleet.services[role].name && f.code === code,
    );
  const hasFinding = (role: FleetRole, code: string) => findingsOf(role, code).length > 0;
  /** A network finding of `code` on the role's service, for the path to Secrets Manager. */
  const secretsPath = (role: FleetRole, code: string, via: string | null) =>
    findingsOf(role, code).some((f) => f.store === 'secretsmanager' && f.via === via);
  const privatePathClean =
    !hasFinding('web', 'NoNetworkPath') && !hasFinding('web', 'PublicNetworkPath');

  return [
    {
      name: 'the first resync started no deployment',
      passed: observed.install.deploymentsStarted === 0,
    },
    {
      name: 'the rotation redeployed its consumers, each with a new deployment id',
      passed:
        observed.services.some(redeployed) &&
        observed.services.filter(redeployed).every((s) => s.deployment.changed),
    },
    {
      name: 'every other service kept its deployment',
      passed: observed.services
        .filter((s) => !redeployed(s))
        .every((s) => !s.deployment.changed),
    },
    {
      name: 'the pinned service was skipped (VersionPinned)',
      passed: skipped('pinned', 'VersionPinned'),
    },
    {
      name: 'the opted-out service was skipped (OptedOut)',
      passed: skipped('optedOut', 'OptedOut'),
    },
    {
      name: 'the runtime consumer was signalled and the signal reached the bus',
      passed: observed.signals.some((signal) => signal.service === notifier),
    },
    {
      name: 'the service whose role cannot read the secret was blocked (PreflightFailed, ExecutionRoleCannotReadSecret), not redeployed',
      passed:
        row('restricted')?.action === 'block' &&
        row('restricted')?.reason === 'PreflightFailed' &&
        row('restricted')?.deployment.changed === false &&
        hasFinding('restricted', 'ExecutionRoleCannotReadSecret'),
    },
    {
      name: 'each path to Secrets Manager was told apart: private endpoint, NAT, internet, none',
      passed:
        privatePathClean &&
        secretsPath('worker', 'PublicNetworkPath', 'nat') &&
        secretsPath('notifier', 'PublicNetworkPath', 'internet') &&
        secretsPath('unrelated', 'NoNetworkPath', null),
    },
    {
      name: 'the resync afterwards started no deployment and sent no signal',
      passed:
        observed.resync.deploymentsStarted === 0 && observed.resync.signalsSent === 0,
    },
  ];
}
