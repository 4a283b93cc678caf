import { parsePolicyDocument, stringList } from './document.js';
import type { RolePolicies } from './roles.js';
import type { StatementRef } from './types.js';
import { wildcardMatch } from './wildcard.js';

const ACTION = 'secretsmanager:GetSecretValue';

/** A resource pattern that covers every secret: `*` or `arn:…:secret:*` with wildcard scope. */
function coversEverySecret(pattern: string): boolean {
  if (pattern === '*') return true;
  return wildcardMatch(pattern, 'arn:aws:secretsmanager:*:*:secret:*');
}

/** Identity statements that allow GetSecretValue on every secret (Resource "*"). */
export function broadSecretGrants(role: RolePolicies): StatementRef[] {
  const found: StatementRef[] = [];
  for (const policy of role.identity) {
    const parsed = parsePolicyDocument(policy.document);
    if (!parsed.ok) continue;
    parsed.statements.forEach((statement, index) => {
      const actions = stringList(statement.Action) ?? [];
      const resources = stringList(statement.Resource) ?? [];
      if (
        statement.Effect === 'Allow' &&
        actions.some((a) => wildcardMatch(a, ACTION, true)) &&
        resources.some(coversEverySecret)
      ) {
        const sid = typeof statement.Sid === 'string' ? statement.Sid : null;
        found.push({ policy: policy.name, layer: 'identity', sid, index, statement });
      }
    });
  }
  return found;
}
