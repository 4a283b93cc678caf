import { CommandFailedError } from '../errors.js';

/** The demo could not run, or the emulator did not end up as the demo expects. */
export class DemoError extends CommandFailedError {
  override readonly name = 'DemoError';
}
