// Runs the in-process suite for one fleet size and prints its results as
// JSON: bench/run.ts starts one process per size so their memory stays apart.
import { runSuite, type SuiteOptions } from './suite.js';

const options = JSON.parse(process.argv[2] ?? '{}') as SuiteOptions;
const results = await runSuite(options);
process.stdout.write(`${JSON.stringify(results)}\n`);
