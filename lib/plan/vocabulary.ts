/**
 * The closed vocabulary of the plan: severities, finding codes, action types
 * and action reasons. Every name here appears unchanged in plans, logs,
 * metrics and published events. Codes, once published, are never renamed.
 */

export const Severity = {
  critical: 'critical',
  high: 'high',
  medium: 'medium',
  low: 'low',
  info: 'info',
} as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

/** Worst first: index 0 is the most severe. */
export const SEVERITY_ORDER: readonly Severity[] = [
  'critical',
  'high',
  'medium',
  'low',
  'info',
];

/** Numeric rank of a severity: higher is worse. */
export function severityRank(severity: Severity): number {
  return SEVERITY_ORDER.length - SEVERITY_ORDER.indexOf(severity);
}

type FindingSpec = { readonly severity: Severity; readonly summary: string };

/**
 * Every finding code with its default severity and a one-line summary.
 * A code whose severity depends on policy (`PublicNetworkPath`) lists its
 * default; the check that raises it may escalate it.
 */
export const FINDINGS = {
  // References
  InvalidValueFrom: {
    severity: 'critical',
    summary: 'A valueFrom or credentialsParameter has a shape ECS rejects at task start.',
  },
  AmbiguousPartialArn: {
    severity: 'high',
    summary:
      'A partial ARN or name could mean two different secrets (one name ends in a hyphen and six characters).',
  },
  SecretNotFound: {
    severity: 'critical',
    summary: 'The referenced secret does not exist in the account and region it names.',
  },
  SecretPendingDeletion: {
    severity: 'critical',
    summary:
      'The referenced secret is scheduled for deletion; new tasks cannot fetch it.',
  },
  MalformedVersionReference: {
    severity: 'critical',
    summary:
      'A version stage sits where the version id belongs or the reverse, or both are set.',
  },
  UnsupportedNestedJsonKey: {
    severity: 'medium',
    summary: 'The JSON key looks like a nested path; ECS only reads top-level keys.',
  },
  LikelyWrongStore: {
    severity: 'critical',
    summary:
      'A bare name is read as an SSM parameter, but a Secrets Manager secret has that name.',
  },
  SsmParameterNotFound: {
    severity: 'critical',
    summary: 'The referenced SSM parameter does not exist.',
  },
  VersionNotFound: {
    severity: 'critical',
    summary: 'The pinned version id or the named stage does not exist on the secret.',
  },
  SecretOutsideSnapshot: {
    severity: 'info',
    summary:
      'The reference names a secret in another account or region that the snapshot does not hold.',
  },
  StaleTasksRunning: {
    severity: 'medium',
    summary:
      'Running tasks started before the secret moved and still hold the old value.',
  },
  InvalidStrategyTag: {
    severity: 'low',
    summary:
      'The secret-reconciler/strategy tag has a value other than redeploy, signal or ignore.',
  },
  // Roles and keys
  ExecutionRoleMissing: {
    severity: 'critical',
    summary: 'The task definition names no execution role, or the role does not exist.',
  },
  ExecutionRoleCannotReadSecret: {
    severity: 'critical',
    summary:
      'The execution role is not allowed secretsmanager:GetSecretValue on the secret.',
  },
  ExecutionRoleCannotDecrypt: {
    severity: 'critical',
    summary:
      "The execution role cannot kms:Decrypt with the secret's customer-managed key.",
  },
  SecretPolicyDenies: {
    severity: 'critical',
    summary: "The secret's resource policy denies the execution role.",
  },
  SsmParameterAccessMissing: {
    severity: 'critical',
    summary: 'The execution role is not allowed ssm:GetParameters on the parameter.',
  },
  TaskRoleCannotReadSecret: {
    severity: 'high',
    summary: 'The task role of a runtime consumer cannot read the secret it declares.',
  },
  RoleAllowsAllSecrets: {
    severity: 'low',
    summary: 'A role may read every secret in the account (Resource "*").',
  },
  CrossAccountDefaultKey: {
    severity: 'critical',
    summary:
      'A secret read from another account is encrypted with the AWS managed key, which cannot be shared.',
  },
  Unverifiable: {
    severity: 'info',
    summary:
      'A check could not decide: the snapshot lacks what it needs or a policy uses what the evaluator does not model.',
  },
  // Network
  NoNetworkPath: {
    severity: 'critical',
    summary: 'No route from the task subnet reaches the Secrets Manager or SSM endpoint.',
  },
  PublicNetworkPath: {
    severity: 'medium',
    summary:
      'Secrets travel over NAT or an internet gateway rather than a private endpoint.',
  },
  EndpointPrivateDnsDisabled: {
    severity: 'high',
    summary:
      'The interface endpoint has private DNS off, so tasks resolve the public endpoint.',
  },
  VpcDnsDisabled: {
    severity: 'high',
    summary:
      'The VPC has DNS support or DNS hostnames off, so private DNS does not resolve.',
  },
  EndpointSecurityGroupBlocks: {
    severity: 'critical',
    summary: "The endpoint's security groups do not admit TCP 443 from the task.",
  },
  TaskSecurityGroupBlocks: {
    severity: 'critical',
    summary: "The task's security groups do not let TCP 443 out.",
  },
  EndpointPolicyDenies: {
    severity: 'critical',
    summary:
      'The VPC endpoint policy does not allow the execution role to read the secret.',
  },
  NetworkAclBlocks: {
    severity: 'critical',
    summary: 'A network ACL on the path drops TCP 443 or its return traffic.',
  },
  // Hygiene
  PlaintextSecretInEnvironment: {
    severity: 'high',
    summary:
      'A container environment variable holds what looks like a secret in plaintext.',
  },
  SecretArnInEnvironment: {
    severity: 'low',
    summary:
      'An environment variable holds a secret ARN: the app reads the secret itself.',
  },
  PlaintextSecretInLogOptions: {
    severity: 'high',
    summary: 'A log driver option holds what looks like a secret in plaintext.',
  },
  RotationFailed: {
    severity: 'high',
    summary: 'The last rotation of the secret failed or was abandoned.',
  },
  PlatformVersionTooOld: {
    severity: 'high',
    summary: 'JSON-key or version references need Fargate platform 1.4.0 or later.',
  },
  TaskStartFailed: {
    severity: 'high',
    summary: 'A task failed to start because it could not fetch its secrets.',
  },
  // Rollout
  DeploymentFailed: {
    severity: 'high',
    summary: 'A deployment of a service that consumes secrets ended FAILED.',
  },
  ActionFailed: {
    severity: 'high',
    summary:
      'An action of the plan could not be carried out; retryable failures are retried with the event, permanent ones are reported once.',
  },
} as const satisfies Record<string, FindingSpec>;

export type FindingCode = keyof typeof FINDINGS;

/** The finding codes as values, for lookups and validation. */
export const FINDING_CODES = Object.keys(FINDINGS) as FindingCode[];

export const ActionType = {
  redeploy: 'redeploy',
  signal: 'signal',
  skip: 'skip',
  block: 'block',
} as const;
export type ActionType = (typeof ActionType)[keyof typeof ActionType];

/** Every action reason with a one-line summary. */
export const REASONS = {
  SecretVersionChanged:
    'A secret the service follows moved after its newest deployment started.',
  AlreadyCurrent: 'The newest deployment started after every followed secret last moved.',
  VersionPinned: 'Every reference of the service pins a version id; nothing can move.',
  OptedOut: 'The service is tagged secret-reconciler/strategy=ignore.',
  ServiceInactive: 'The service is not ACTIVE (draining or deleted).',
  NoDeployment: 'The service has no PRIMARY deployment to compare against.',
  SecretUnresolved:
    'No referenced secret could be resolved, so staleness cannot be decided.',
  ObserveMode:
    'The controller runs in observe mode: it plans and publishes, touches nothing.',
  DeploymentInProgress: 'A deployment is still rolling out; the redeploy waits for it.',
  BudgetExhausted:
    'The rollout budget for the cluster is spent; the action waits its turn.',
  PreflightFailed: 'A critical finding means new tasks could not fetch their secrets.',
  AlreadySignalled:
    'A refresh signal for this service and secret version already went out.',
} as const satisfies Record<string, string>;

export type ActionReason = keyof typeof REASONS;

export const ACTION_REASONS = Object.keys(REASONS) as ActionReason[];
