import type { Finding } from '../../plan/types.js';
import { FINDINGS, type FindingCode } from '../../plan/vocabulary.js';
import type { Consumer } from '../types.js';
import { classifyPlaintext, redact } from './secret-shape.js';

function finding(
  code: FindingCode,
  consumer: Consumer,
  where: { container: string; variable: string; place: string },
  value: string,
): Finding | null {
  const match = classifyPlaintext(where.variable, value);
  if (match === null) return null;

  return {
    code,
    severity: FINDINGS[code].severity,
    resourceArn: consumer.arn,
    secretArn: null,
    message: `Container ${where.container} sets ${where.place} ${where.variable} to what looks like a secret in plaintext (${match.rule}).`,
    evidence: {
      taskDefinitionArn: consumer.taskDefinition?.taskDefinitionArn ?? null,
      container: where.container,
      variable: where.variable,
      rule: match.rule,
      matchedBy: match.matchedBy,
      ...redact(value),
    },
  };
}

/**
 * Environment variables and log driver options that hold what looks like a
 * secret in plaintext. Evidence carries the rule and the value's length,
 * never the value.
 */
export function checkPlaintext(consumer: Consumer): Finding[] {
  const containers = consumer.taskDefinition?.containerDefinitions ?? [];

  return containers.flatMap((container) => {
    const environment = container.environment.map((entry) =>
      finding(
        'PlaintextSecretInEnvironment',
        consumer,
        {
          container: container.name,
          variable: entry.name,
          place: 'environment variable',
        },
        entry.value ?? '',
      ),
    );
    const options = Object.entries(container.logConfiguration?.options ?? {}).map(
      ([name, value]) =>
        finding(
          'PlaintextSecretInLogOptions',
          consumer,
          { container: container.name, variable: name, place: 'log option' },
          value,
        ),
    );
    return [...environment, ...options].filter((item): item is Finding => item !== null);
  });
}
