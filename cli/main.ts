import { Command, CommanderError } from 'commander';
import { SnapshotError } from '../lib/snapshot/errors.js';
import manifest from '../package.json' with { type: 'json' };
import { registerApply } from './commands/apply.js';
import { registerDemo } from './commands/demo.js';
import { registerExplain } from './commands/explain.js';
import { FindingsAtSeverityError } from './commands/fail-on.js';
import { registerPlan } from './commands/plan.js';
import { registerSnapshot } from './commands/snapshot.js';
import {
  CommandFailedError,
  ExitCode,
  InputError,
  unreachableEndpoint,
} from './errors.js';
import { type Io, processIo } from './io.js';

const NAME = 'ecs-secret-reconciler';

function createProgram(io: Io): Command {
  const program = new Command(NAME)
    .description(
      'Keeps Amazon ECS services in step with AWS Secrets Manager: finds the services ' +
        'that reference a secret and redeploys exactly those when it moves.',
    )
    .version(manifest.version)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError(`(run ${NAME} --help for usage)`);

  // Each command is a file under cli/commands/ that adds itself here.
  registerPlan(program, { io });
  registerApply(program, { io });
  registerSnapshot(program, { io });
  registerExplain(program, { io });
  registerDemo(program, { io });
  for (const command of program.commands) {
    command.showHelpAfterError(`(run ${NAME} ${command.name()} --help for usage)`);
  }
  return program;
}

function exitCodeOf(error: unknown, io: Io): ExitCode {
  if (error instanceof CommanderError) {
    // Commander has already printed help or the usage error.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof FindingsAtSeverityError) {
    io.stderr.write(`${NAME}: ${error.message}\n`);
    return ExitCode.findings;
  }
  if (error instanceof InputError || error instanceof SnapshotError) {
    io.stderr.write(`${NAME}: ${error.message}\n`);
    return ExitCode.usage;
  }
  if (error instanceof CommandFailedError) {
    io.stderr.write(`${NAME}: ${error.message}\n`);
    return ExitCode.failure;
  }
  if (error instanceof Error && error.name === 'CredentialsProviderError') {
    io.stderr.write(
      `${NAME}: no AWS credentials found (${error.message}); configure a profile, ` +
        'set AWS_PROFILE, or point --endpoint-url at the local emulator\n',
    );
    return ExitCode.failure;
  }
  const unreachable = unreachableEndpoint(error);
  if (unreachable !== null) {
    io.stderr.write(`${NAME}: ${unreachable}\n`);
    return ExitCode.failure;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`${NAME}: unexpected error: ${message}\n`);
  return ExitCode.failure;
}

/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    await createProgram(io).parseAsync(argv, { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    return exitCodeOf(error, io);
  }
}
