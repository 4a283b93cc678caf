/** Error names AWS services use for throttling. */
const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'ProvisionedThroughputExceededException',
  'SlowDown',
]);

/** Error names and Node error codes of failures that pass with time. */
const TRANSIENT = new Set([
  'ServerException',
  'InternalFailure',
  'InternalServerError',
  'InternalServiceError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
]);

type SdkErrorShape = {
  name?: unknown;
  code?: unknown;
  $fault?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: unknown };
};

/**
 * True when an AWS SDK error is worth retrying later: throttling, a server
 * fault (5xx) or a dropped connection. Everything else (ServiceNotFound,
 * AccessDenied, validation) is permanent.
 */
export function isRetryableError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const shape = error as SdkErrorShape;
  const status = shape.$metadata?.httpStatusCode;
  if (typeof status === 'number' && (status >= 500 || status === 429)) return true;
  if (shape.$fault === 'server' || shape.$retryable) return true;
  return [shape.name, shape.code].some(
    (name) => typeof name === 'string' && (THROTTLING.has(name) || TRANSIENT.has(name)),
  );
}

/** The name and message of whatever was thrown, for reports and logs. */
export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'UnknownError', message: String(error) };
}

/** An action of the plan failed; the SDK error is the cause. */
export class ActError extends Error {
  override name = 'ActError';
  /** True when trying again later may succeed. */
  readonly retryable: boolean;

  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.retryable = isRetryableError(options.cause);
  }

  /** The name of the underlying SDK error (e.g. ServiceNotFoundException). */
  get causeName(): string {
    return describeError(this.cause).name;
  }
}

/** UpdateService failed for a redeploy. */
export class RedeployError extends ActError {
  override name = 'RedeployError';
}

/** A refresh signal could not be put on the bus. */
export class SignalError extends ActError {
  override name = 'SignalError';
}
