import { describe, expect, it } from 'vitest';
import { terminalProgress } from '../../../cli/io.js';

function io(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) };
  return { io: { stdout: stream, stderr: stream, env: {} }, written };
}

describe('io', () => {
  it('writes progress lines when stderr is a terminal', () => {
    const { io: terminal, written } = io(true);

    terminalProgress(terminal)?.('services', 2, 9);

    expect(written).toEqual(['[2/9] services\n']);
  });

  it('reports no progress when stderr is redirected', () => {
    expect(terminalProgress(io(false).io)).toBeUndefined();
  });
});
