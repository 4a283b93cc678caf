import type { TestProject } from 'vitest/node';
import { type Emulator, startEmulator } from '../../cli/emulator/moto.js';

let emulator: Emulator | undefined;

/** vitest globalSetup: one moto server for the integration project. */
export async function setup(project: TestProject): Promise<void> {
  emulator = await startEmulator({ root: process.cwd() });
  project.provide('awsEndpoint', emulator.endpoint);
}

export async function teardown(): Promise<void> {
  await emulator?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    awsEndpoint: string;
  }
}
