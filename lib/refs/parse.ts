import type { FindingCode } from '../plan/vocabulary.js';
import { hasRegionalScope, splitArn } from './arn.js';
import type { ArnScope, ParsedValueFrom } from './types.js';

/** A problem with the shape of a reference, before it is matched to anything. */
export type ShapeIssue = { code: FindingCode; message: string };

/** The SSM path under which Parameter Store serves Secrets Manager secrets. */
export const SECRETS_MANAGER_REFERENCE_PATH = '/aws/reference/secretsmanager/';

const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]+$/;
const PARAMETER_NAME = /^[A-Za-z0-9/_.-]+$/;

const invalid = (message: string): ParsedValueFrom => ({
  store: 'invalid',
  code: 'InvalidValueFrom',
  message,
});

/**
 * Reads a `secrets[].valueFrom` or `secretOptions[].valueFrom` as ECS does:
 * a Secrets Manager ARN, else an SSM parameter name or ARN. Never throws.
 */
export function parseValueFrom(value: string): ParsedValueFrom {
  if (value.startsWith('arn:')) {
    return parseArn(value);
  }
  return parseParameterName(value, null);
}

/**
 * Reads a secret named by ARN or bare name, as `repositoryCredentials` and the
 * runtime tag take it: a bare name is a Secrets Manager secret in `home`.
 */
export function parseSecretId(value: string, home: ArnScope): ParsedValueFrom {
  if (value.startsWith('arn:')) {
    const parsed = parseArn(value);
    return parsed.store === 'ssm'
      ? invalid('an SSM parameter ARN where a Secrets Manager secret is required')
      : parsed;
  }
  if (!SECRET_NAME.test(value)) {
    return invalid('not a Secrets Manager ARN or secret name');
  }
  return { ...home, store: 'secretsmanager', secretId: value, ...UNSET };
}

const UNSET = { jsonKey: null, versionStage: null, versionId: null } as const;

function parseArn(value: string): ParsedValueFrom {
  const arn = splitArn(value);
  if (arn === null) {
    return invalid('not a well-formed ARN');
  }
  if (arn.service !== 'secretsmanager' && arn.service !== 'ssm') {
    return invalid(`an ARN of ${arn.service}, not of Secrets Manager or SSM`);
  }
  if (!hasRegionalScope(arn)) {
    return invalid('the ARN lacks a valid region or 12-digit account');
  }
  const scope: ArnScope = {
    partition: arn.partition,
    region: arn.region,
    account: arn.account,
  };

  if (arn.service === 'ssm') {
    if (!arn.resource.startsWith('parameter/')) {
      return invalid('an SSM ARN that is not a parameter');
    }
    // The ARN drops the leading slash of a hierarchical name: parameter/a/b is /a/b.
    const path = arn.resource.slice('parameter/'.length);
    return parseParameterName(path.includes('/') ? `/${path}` : path, scope);
  }
  if (!arn.resource.startsWith('secret:')) {
    return invalid('a Secrets Manager ARN that is not a secret');
  }
  return parseSecretResource(arn.resource.slice('secret:'.length), scope);
}

/** `id` or `id:json-key:version-stage:version-id`, empty fields meaning unset. */
function parseSecretResource(resource: string, scope: ArnScope): ParsedValueFrom {
  const fields = resource.split(':');
  if (fields.length !== 1 && fields.length !== 4) {
    return invalid(
      `the part after "secret:" has ${fields.length} fields; ECS reads 1 (the secret id) or 4 (id:json-key:version-stage:version-id)`,
    );
  }

  const [secretId = '', jsonKey = '', versionStage = '', versionId = ''] = fields;
  if (!SECRET_NAME.test(secretId)) {
    return invalid(
      secretId === ''
        ? 'the secret id is empty'
        : 'the secret id has characters no secret name can hold',
    );
  }
  return {
    ...scope,
    store: 'secretsmanager',
    secretId,
    jsonKey: jsonKey || null,
    versionStage: versionStage || null,
    versionId: versionId || null,
  };
}

function parseParameterName(name: string, scope: ArnScope | null): ParsedValueFrom {
  if (name.startsWith(SECRETS_MANAGER_REFERENCE_PATH)) {
    const secretId = name.slice(SECRETS_MANAGER_REFERENCE_PATH.length);
    if (!SECRET_NAME.test(secretId)) {
      return invalid('the Secrets Manager reference names no valid secret');
    }
    return { store: 'ssm', name, scope, secretsManagerId: secretId };
  }
  if (!PARAMETER_NAME.test(name)) {
    return invalid('not a Secrets Manager ARN, SSM parameter ARN or parameter name');
  }
  // Parameter Store requires a name with a hierarchy to begin with a slash.
  if (name.includes('/') && !name.startsWith('/')) {
    return invalid('an SSM parameter name with a hierarchy must begin with "/"');
  }
  if (name.includes('//') || (name.length > 1 && name.endsWith('/')) || name === '/') {
    return invalid('an SSM parameter path with an empty level');
  }
  return { store: 'ssm', name, scope, secretsManagerId: null };
}
