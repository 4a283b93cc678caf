import { paginateDescribeParameters, type SSMClient } from '@aws-sdk/client-ssm';
import type { SnapshotInput } from '../snapshot/types.js';
import { batches } from './batches.js';
import { cliJson } from './cli-json.js';

type ParameterJson = NonNullable<SnapshotInput['ssmParameters']>[number];

/** A Name filter takes at most 50 values. */
const NAMES_PER_CALL = 50;

/** The metadata (never the values) of the parameters named; names missing are left out. */
export async function readParameters(
  ssm: SSMClient,
  names: Iterable<string>,
): Promise<ParameterJson[]> {
  const parameters: ParameterJson[] = [];
  for (const batch of batches([...new Set(names)], NAMES_PER_CALL)) {
    for await (const page of paginateDescribeParameters(
      { client: ssm },
      { ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: batch }] },
    )) {
      for (const parameter of page.Parameters ?? []) {
        parameters.push(cliJson(parameter) as ParameterJson);
      }
    }
  }
  return parameters;
}
