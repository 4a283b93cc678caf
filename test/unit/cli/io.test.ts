import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { terminalProgress, untilReaderCloses } from '../../../cli/io.js';

/** A stdout whose reader can go away, as a pipe into `head` does. */
function pipe() {
  const written: string[] = [];
  const stream = Object.assign(new EventEmitter(), {
    write: (text: string) => written.push(text) > 0,
  });
  const fail = (code: string) =>
    stream.emit('error', Object.assign(new Error(`write ${code}`), { code }));
  return { stream, written, fail };
}

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

  it('drops later output without failing when the reader of stdout goes away', () => {
    const { stream, written, fail } = pipe();
    const stdout = untilReaderCloses(stream);

    stdout.write('first\n');
    fail('EPIPE');
    stdout.write('second\n');

    expect(written).toEqual(['first\n']);
  });

  it('still fails on a write error other than a closed reader', () => {
    const { stream, fail } = pipe();
    untilReaderCloses(stream);

    expect(() => fail('EIO')).toThrow('write EIO');
  });
});
