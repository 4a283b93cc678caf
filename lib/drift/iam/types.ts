/** A value a request context key can hold. */
export type ContextValue = string | string[] | boolean;

/** One authorization request, as AWS would see it. */
export type EvalRequest = {
  principalArn: string;
  action: string;
  resource: string;
  /** Condition keys the request carries; a key not listed is absent. */
  context: Record<string, ContextValue>;
  /**
   * Prefixes of keys whose presence and value the snapshot does not record
   * (for example `aws:ResourceTag/` of a KMS key). A condition on such a key
   * makes the decision unverifiable.
   */
  unknownKeys?: string[];
};

/** Which policy a statement came from. */
export const PolicyLayer = {
  identity: 'identity',
  boundary: 'boundary',
  resource: 'resource',
  endpoint: 'endpoint',
} as const;
export type PolicyLayer = (typeof PolicyLayer)[keyof typeof PolicyLayer];

/**
 * A policy document with a name for evidence. `document` is what the snapshot
 * holds (object, JSON string or URL-encoded JSON string); undefined when the
 * snapshot lacks the text, which makes every decision it could sway unverifiable.
 */
export type NamedPolicy = { name: string; document: unknown };

/** Every policy that applies to one request. */
export type PolicySet = {
  identity: NamedPolicy[];
  boundary?: NamedPolicy | null;
  /** The secret's resource policy or the KMS key policy. */
  resource?: NamedPolicy | null;
  /** The VPC endpoint policy, when the request goes through an endpoint that has one. */
  endpoint?: NamedPolicy | null;
  principalAccount: string;
  resourceAccount: string;
};

/** A statement that decided, with where it came from. */
export type StatementRef = {
  policy: string;
  layer: PolicyLayer;
  sid: string | null;
  index: number;
  statement: Record<string, unknown>;
};

export const DecisionResult = {
  allowed: 'allowed',
  explicitDeny: 'explicitDeny',
  implicitDeny: 'implicitDeny',
  unverifiable: 'unverifiable',
} as const;
export type DecisionResult = (typeof DecisionResult)[keyof typeof DecisionResult];

export type Decision = {
  result: DecisionResult;
  /** Deny statements that matched, the allows that granted, or what could not be read. */
  deciding: StatementRef[];
  reason: string;
  /** The layer that denied (explicitly, or by lacking an allow); null when allowed. */
  blockedBy: PolicyLayer | null;
};

/** Three-valued match: `unknown` when the evaluator cannot decide. */
export type Tri = 'yes' | 'no' | 'unknown';
