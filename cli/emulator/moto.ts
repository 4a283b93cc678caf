import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CommandFailedError } from '../errors.js';

/** A running local AWS emulator (moto in server mode on 127.0.0.1). */
export type Emulator = {
  endpoint: string;
  /** Empties every service (POST /moto-api/reset). */
  reset(): Promise<void>;
  stop(): Promise<void>;
};

export class EmulatorError extends CommandFailedError {
  override readonly name = 'EmulatorError';
}

const READY_TIMEOUT_MS = 30_000;

/** Installs moto into `<root>/.venv` when missing, from requirements-dev.txt. */
export function ensureEmulatorInstalled(root: string): string {
  const script = join(root, 'scripts', 'setup-emulator.sh');
  const result = spawnSync('bash', [script], { stdio: ['ignore', 'inherit', 'inherit'] });
  const server = join(root, '.venv', 'bin', 'moto_server');
  if (result.status !== 0 || !existsSync(server)) {
    throw new EmulatorError(
      `could not install the emulator with ${script} (exit ${result.status}); is python3 with venv available?`,
    );
  }
  return server;
}

/** Starts moto on a free loopback port and waits until it answers. */
export async function startEmulator(options: {
  root: string;
  port?: number;
}): Promise<Emulator> {
  const server = ensureEmulatorInstalled(options.root);
  const port = options.port ?? (await freePort());
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(server, ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });

  const stopOnExit = (): void => {
    child.kill('SIGTERM');
  };
  process.once('exit', stopOnExit);

  try {
    await waitUntilReady(endpoint, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new EmulatorError(`moto did not start on ${endpoint}: ${stderr.trim()}`, {
      cause: error,
    });
  }

  return {
    endpoint,
    reset: async () => {
      const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      if (!response.ok) throw new EmulatorError(`reset failed: HTTP ${response.status}`);
    },
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await stopChild(child);
    },
  };
}

async function waitUntilReady(endpoint: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new EmulatorError(`exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${endpoint}/moto-api/data.json`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new EmulatorError(`no answer within ${READY_TIMEOUT_MS} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
