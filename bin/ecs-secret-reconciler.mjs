#!/usr/bin/env node
// Entry point of the CLI: runs the bundle that `npm install` builds.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write(
    'ecs-secret-reconciler: dist/cli.mjs is missing; run `npm run build`\n',
  );
  process.exit(1);
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
