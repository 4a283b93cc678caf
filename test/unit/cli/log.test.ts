import { describe, expect, it } from 'vitest';
import type { Io } from '../../../cli/io.js';
import { stderrLog } from '../../../cli/log.js';

function recordingIo(): { io: Io; stderr: string[] } {
  const stderr: string[] = [];
  const io: Io = {
    stdout: { write: () => true },
    stderr: { write: (text: string) => stderr.push(text) },
    env: {},
  };
  return { io, stderr };
}

describe('log', () => {
  it('writes warnings and errors to stderr with their fields when logged', () => {
    const { io, stderr } = recordingIo();
    const log = stderrLog(io);

    log.warn('Section left out', { section: 'iam' });
    log.error('Action failed');

    expect(stderr).toEqual([
      'warning: Section left out {"section":"iam"}\n',
      'error: Action failed\n',
    ]);
  });

  it('writes nothing when debug or info is logged', () => {
    const { io, stderr } = recordingIo();
    const log = stderrLog(io);

    log.debug('Step started', { step: 'clusters' });
    log.info('Reconcile started');

    expect(stderr).toEqual([]);
  });
});
