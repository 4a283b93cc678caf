import { evaluateConditions } from './conditions.js';
import { type RawStatement, stringList } from './document.js';
import type { EvalRequest, PolicyLayer, Tri } from './types.js';
import { hasPolicyVariable, splitArn, wildcardMatch } from './wildcard.js';

/**
 * How a resource or endpoint policy statement names the caller: `direct` (its
 * ARN, or `*`), `account` (the caller's account, which delegates to IAM), or
 * not at all.
 */
export type PrincipalMatch = 'direct' | 'wildcard' | 'account' | 'none';

export type StatementMatch = {
  match: Tri;
  principal: PrincipalMatch;
  reason: string | null;
};

const NO: StatementMatch = { match: 'no', principal: 'none', reason: null };

function unknown(reason: string, principal: PrincipalMatch = 'direct'): StatementMatch {
  return { match: 'unknown', principal, reason };
}

function actionMatches(pattern: string, action: string): boolean {
  return wildcardMatch(pattern, action, true);
}

function resourceMatches(pattern: string, resource: string): Tri {
  if (pattern === '*') {
    return 'yes';
  }
  if (hasPolicyVariable(pattern)) {
    return 'unknown';
  }
  const patternParts = splitArn(pattern);
  const resourceParts = splitArn(resource);
  if (!patternParts) {
    return pattern.startsWith('arn:') ? 'unknown' : 'no';
  }
  if (!resourceParts) {
    return 'no';
  }
  const head = patternParts
    .slice(0, 5)
    .every((part, i) => wildcardMatch(part, resourceParts[i] ?? '', true));
  const tail = wildcardMatch(patternParts[5] ?? '', resourceParts[5] ?? '');
  return head && tail ? 'yes' : 'no';
}

function anyTri(values: Tri[]): Tri {
  if (values.includes('yes')) return 'yes';
  if (values.includes('unknown')) return 'unknown';
  return 'no';
}

function accountOf(arn: string): string | null {
  return splitArn(arn)?.[4] ?? null;
}

/** Matches one entry of a Principal element against the caller. */
function principalEntry(entry: string, principalArn: string): PrincipalMatch {
  if (entry === '*') {
    return 'wildcard';
  }
  if (/^\d{12}$/.test(entry)) {
    return entry === accountOf(principalArn) ? 'account' : 'none';
  }
  const parts = splitArn(entry);
  if (parts && parts[2] === 'iam' && parts[5] === 'root') {
    return parts[4] === accountOf(principalArn) ? 'account' : 'none';
  }
  return entry === principalArn ? 'direct' : 'none';
}

const PRINCIPAL_RANK: Record<PrincipalMatch, number> = {
  direct: 3,
  wildcard: 3,
  account: 1,
  none: 0,
};

function principalMatch(element: unknown, principalArn: string): PrincipalMatch | null {
  if (element === '*') {
    return 'wildcard';
  }
  if (typeof element !== 'object' || element === null || Array.isArray(element)) {
    return null;
  }
  let best: PrincipalMatch = 'none';
  for (const [type, value] of Object.entries(element)) {
    const entries = stringList(value);
    if (!entries) {
      return null;
    }
    if (type !== 'AWS') {
      continue;
    }
    for (const entry of entries) {
      const found = principalEntry(entry, principalArn);
      if (PRINCIPAL_RANK[found] > PRINCIPAL_RANK[best]) {
        best = found;
      }
    }
  }
  return best;
}

/**
 * NotPrincipal applies to every caller it does not name. When it does name the
 * caller, AWS still matches a Deny for a role that has a permissions boundary,
 * and compares the role session (not the role) otherwise: that stays unknown.
 */
function matchNotPrincipal(
  statement: RawStatement,
  request: EvalRequest,
  hasBoundary: boolean,
): StatementMatch | PrincipalMatch | null {
  const named = principalMatch(statement.NotPrincipal, request.principalArn);
  if (named === null) {
    return null;
  }
  if (named === 'none') {
    return 'direct';
  }
  if (statement.Effect === 'Deny' && hasBoundary) {
    return 'direct';
  }
  return unknown('NotPrincipal names the role; AWS compares the role session');
}

/** Decides whether one statement applies to the request. */
export function matchStatement(
  statement: RawStatement,
  request: EvalRequest,
  layer: PolicyLayer,
  hasBoundary = false,
): StatementMatch {
  const actions = stringList(statement.Action ?? statement.NotAction);
  if (
    !actions ||
    (statement.Action !== undefined) === (statement.NotAction !== undefined)
  ) {
    return unknown('the statement needs exactly one of Action and NotAction');
  }
  const actionHit = actions.some((pattern) => actionMatches(pattern, request.action));
  if (actionHit !== (statement.Action !== undefined)) {
    return NO;
  }

  const resources = stringList(statement.Resource ?? statement.NotResource);
  if (
    !resources ||
    (statement.Resource !== undefined) === (statement.NotResource !== undefined)
  ) {
    return unknown('the statement needs exactly one of Resource and NotResource');
  }
  const hit = anyTri(
    resources.map((pattern) => resourceMatches(pattern, request.resource)),
  );
  const resourceHit: Tri =
    statement.Resource !== undefined
      ? hit
      : hit === 'unknown'
        ? 'unknown'
        : hit === 'yes'
          ? 'no'
          : 'yes';
  if (resourceHit === 'no') {
    return NO;
  }

  let principal: PrincipalMatch = 'direct';
  if (layer === 'resource' || layer === 'endpoint') {
    const found =
      statement.Principal !== undefined
        ? principalMatch(statement.Principal, request.principalArn)
        : statement.NotPrincipal !== undefined
          ? matchNotPrincipal(statement, request, hasBoundary)
          : null;
    if (found === null) {
      return unknown(
        'the statement has no Principal or NotPrincipal this evaluator reads',
      );
    }
    if (typeof found === 'object') {
      return found;
    }
    if (found === 'none') {
      return NO;
    }
    principal = found;
  } else if (statement.Principal !== undefined || statement.NotPrincipal !== undefined) {
    return unknown('an identity policy statement names a Principal');
  }

  if (resourceHit === 'unknown') {
    return unknown('a Resource uses a policy variable or a short ARN', principal);
  }
  const condition = evaluateConditions(
    statement.Condition,
    request.context,
    request.unknownKeys ?? [],
  );
  return { match: condition.match, principal, reason: condition.reason };
}
