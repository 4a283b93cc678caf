import { parsePolicyDocument } from './document.js';
import { matchStatement, type PrincipalMatch } from './statement.js';
import type {
  Decision,
  EvalRequest,
  NamedPolicy,
  PolicyLayer,
  PolicySet,
  StatementRef,
  Tri,
} from './types.js';
import { splitArn } from './wildcard.js';

type Evaluated = {
  ref: StatementRef;
  effect: 'Allow' | 'Deny';
  match: Tri;
  principal: PrincipalMatch;
  reason: string | null;
};

/** Unknown statements resolved for the caller (`optimistic`) or against it. */
type Mode = 'optimistic' | 'pessimistic';

type Layers = Record<PolicyLayer, Evaluated[]>;

function evaluatePolicy(
  policy: NamedPolicy,
  layer: PolicyLayer,
  request: EvalRequest,
  hasBoundary: boolean,
): Evaluated[] {
  const parsed = parsePolicyDocument(policy.document);
  if (!parsed.ok) {
    // An unreadable policy may allow or deny anything: model it as both.
    const ref: StatementRef = {
      policy: policy.name,
      layer,
      sid: null,
      index: -1,
      statement: {},
    };
    return (['Allow', 'Deny'] as const).map((effect) => ({
      ref,
      effect,
      match: 'unknown',
      principal: 'direct',
      reason: `${policy.name}: ${parsed.error}`,
    }));
  }

  return parsed.statements.flatMap((statement, index): Evaluated[] => {
    const found = matchStatement(statement, request, layer, hasBoundary);
    if (found.match === 'no') {
      return [];
    }
    const sid =
      typeof statement.Sid === 'string' && statement.Sid !== '' ? statement.Sid : null;
    return [
      {
        ref: { policy: policy.name, layer, sid, index, statement },
        effect: statement.Effect === 'Deny' ? 'Deny' : 'Allow',
        match: found.match,
        principal: found.principal,
        reason: found.reason ? `${policy.name}: ${found.reason}` : null,
      },
    ];
  });
}

function holds(item: Evaluated, mode: Mode): boolean {
  if (item.match === 'yes') return true;
  const favoured = mode === 'optimistic' ? 'Allow' : 'Deny';
  return item.effect === favoured;
}

function isKmsKey(resource: string): boolean {
  const parts = splitArn(resource);
  return parts?.[2] === 'kms' && (parts[5] ?? '').startsWith('key/');
}

type Combined = Omit<Decision, 'result'> & {
  result: 'allowed' | 'explicitDeny' | 'implicitDeny';
};

function combine(
  layers: Layers,
  policies: PolicySet,
  request: EvalRequest,
  mode: Mode,
): Combined {
  const all = Object.values(layers).flat();
  const denies = all.filter((item) => item.effect === 'Deny' && holds(item, mode));
  if (denies.length > 0) {
    const first = denies[0]!;
    return {
      result: 'explicitDeny',
      deciding: denies.map((item) => item.ref),
      reason: `explicitly denied by ${first.ref.layer} policy ${first.ref.policy}`,
      blockedBy: first.ref.layer,
    };
  }

  const allows = (layer: PolicyLayer) =>
    layers[layer].filter((item) => item.effect === 'Allow' && holds(item, mode));
  const endpointAllows = allows('endpoint');
  if (policies.endpoint && endpointAllows.length === 0) {
    return {
      result: 'implicitDeny',
      deciding: [],
      reason: 'the VPC endpoint policy does not allow the request',
      blockedBy: 'endpoint',
    };
  }

  const sameAccount = policies.principalAccount === policies.resourceAccount;
  const kmsKey = isKmsKey(request.resource);
  const identity = allows('identity');
  const resource = allows('resource');
  const direct = resource.filter((item) => item.principal !== 'account');
  const account = resource.filter((item) => item.principal === 'account');
  const hasBoundary = Boolean(policies.boundary);
  const boundary = allows('boundary');
  const boundaryBlocks = hasBoundary && boundary.length === 0;

  let resourcePath: Evaluated[] | null = sameAccount && direct.length > 0 ? direct : null;
  let identityPath: Evaluated[] | null = null;
  if (identity.length > 0) {
    if (!sameAccount) {
      identityPath = resource.length > 0 ? [...identity, ...resource] : null;
    } else if (kmsKey) {
      identityPath = account.length > 0 ? [...identity, ...account] : null;
    } else {
      identityPath = identity;
    }
  }
  if (boundaryBlocks) {
    // A boundary's implicit deny limits identity grants and grants to the role
    // ARN; only a grant to "*" (which names the session) gets past it.
    identityPath = null;
    const wildcard = direct.filter((item) => item.principal === 'wildcard');
    resourcePath = resourcePath && wildcard.length > 0 ? wildcard : null;
  } else if (identityPath) {
    identityPath = [...identityPath, ...boundary];
  }

  const path = identityPath ?? resourcePath;
  if (path) {
    return {
      result: 'allowed',
      deciding: [...path, ...endpointAllows].map((item) => item.ref),
      reason: identityPath ? 'allowed by identity policy' : 'allowed by resource policy',
      blockedBy: null,
    };
  }

  let blockedBy: PolicyLayer = 'identity';
  if (boundaryBlocks && (identity.length > 0 || direct.length > 0)) {
    blockedBy = 'boundary';
  } else if (identity.length > 0) {
    blockedBy = 'resource';
  }
  const reasons: Record<PolicyLayer, string> = {
    identity: 'no identity or resource policy statement allows the request',
    boundary: 'the permissions boundary does not allow the request',
    resource: kmsKey
      ? 'the key policy neither allows the role nor delegates to IAM in its account'
      : 'the resource policy does not allow the request from another account',
    endpoint: 'the VPC endpoint policy does not allow the request',
  };
  return { result: 'implicitDeny', deciding: [], reason: reasons[blockedBy], blockedBy };
}

function withPrincipalKeys(request: EvalRequest, account: string): EvalRequest {
  const context = { ...request.context };
  const keys = Object.keys(context).map((key) => key.toLowerCase());
  if (!keys.includes('aws:principalarn'))
    context['aws:PrincipalArn'] = request.principalArn;
  if (!keys.includes('aws:principalaccount')) context['aws:PrincipalAccount'] = account;
  return { ...request, context };
}

/**
 * Decides whether AWS would allow the request under the given policies, as the
 * IAM policy evaluation logic documents it. Returns `unverifiable` whenever the
 * answer hangs on something the evaluator does not model; never guesses allow.
 */
export function evaluate(input: EvalRequest, policies: PolicySet): Decision {
  const request = withPrincipalKeys(input, policies.principalAccount);
  if (isKmsKey(request.resource) && !policies.resource) {
    return {
      result: 'unverifiable',
      deciding: [],
      reason: 'the key policy is not in the snapshot',
      blockedBy: null,
    };
  }

  const bounded = Boolean(policies.boundary);
  const layer = (policy: NamedPolicy | null | undefined, name: PolicyLayer) =>
    policy ? evaluatePolicy(policy, name, request, bounded) : [];
  const layers: Layers = {
    identity: policies.identity.flatMap((p) =>
      evaluatePolicy(p, 'identity', request, bounded),
    ),
    boundary: layer(policies.boundary, 'boundary'),
    resource: layer(policies.resource, 'resource'),
    endpoint: layer(policies.endpoint, 'endpoint'),
  };
  const best = combine(layers, policies, request, 'optimistic');
  const worst = combine(layers, policies, request, 'pessimistic');
  if (worst.result === 'allowed' || best.result === worst.result) {
    return worst;
  }

  const unknowns = Object.values(layers)
    .flat()
    .filter((item) => item.match === 'unknown');
  const why = [...new Set(unknowns.map((item) => item.reason ?? 'unknown'))].join('; ');
  if (best.result !== 'allowed') {
    return {
      ...best,
      reason: `${best.reason}; an explicit deny may also apply (${why})`,
    };
  }
  return {
    result: 'unverifiable',
    deciding: [...new Map(unknowns.map((item) => [item.ref, item.ref])).values()],
    reason: why,
    blockedBy: worst.blockedBy,
  };
}
