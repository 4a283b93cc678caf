import { InputError } from './errors.js';

const DEFAULT_REGION = 'us-east-1';

/** Help text: where `--region` comes from when it is left out, as targetOf reads it. */
export const REGION_DEFAULT = `default: AWS_REGION, AWS_DEFAULT_REGION or ${DEFAULT_REGION}`;

/** Help text: where `--endpoint-url` comes from when it is left out. */
export const ENDPOINT_DEFAULT = 'default: AWS_ENDPOINT_URL';

/** Where a command's AWS calls go: the region, and the endpoint override if any. */
export type Target = { region: string; endpoint: string | undefined };

/**
 * The region and endpoint a command reads from: the flags first, then
 * AWS_REGION, AWS_DEFAULT_REGION (as the AWS CLI sets it) and us-east-1, and
 * AWS_ENDPOINT_URL. An endpoint that is not a URL is an InputError.
 */
export function targetOf(
  flags: { region?: string | undefined; endpointUrl?: string | undefined },
  env: Readonly<Record<string, string | undefined>>,
): Target {
  const region =
    flags.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? DEFAULT_REGION;
  // An empty variable is unset, as the AWS CLI reads it.
  const fromEnv = env.AWS_ENDPOINT_URL === '' ? undefined : env.AWS_ENDPOINT_URL;
  const endpoint = flags.endpointUrl ?? fromEnv;
  if (endpoint !== undefined && !URL.canParse(endpoint)) {
    const source =
      flags.endpointUrl === undefined ? 'AWS_ENDPOINT_URL' : '--endpoint-url';
    throw new InputError(`${source} ${endpoint} is not a URL`);
  }
  return { region, endpoint };
}
