import { parseValueFrom, partitionForRegion } from '../../refs/index.js';
import type { ResolvedReference } from '../../refs/types.js';
import type { KmsKeyEntry, Secret, Snapshot } from '../../snapshot/types.js';
import type { ContextValue, EvalRequest } from './types.js';

/** Why a request is made. */
export type RequestPurpose = 'readSecret' | 'decrypt' | 'readParameter';

/** One call ECS (or the app) makes to fetch a secret, ready for `evaluate`. */
export type PlannedRequest = {
  purpose: RequestPurpose;
  request: EvalRequest;
  resourceAccount: string;
};

/** The interface endpoint a call travels through, when it does. */
export type EndpointPath = { vpceId: string; vpcId: string };

export type Caller = {
  principalArn: string;
  account: string;
  /** The role's tags, or null when not recorded. */
  tags: Record<string, string> | null;
};

const SECRET_TAG_KEYS = ['aws:ResourceTag/', 'secretsmanager:ResourceTag/'];

function accountOf(arn: string): string {
  return arn.split(':')[4] ?? '';
}

function regionOf(arn: string): string {
  return arn.split(':')[3] ?? '';
}

function callerContext(
  caller: Caller,
  unknownKeys: string[],
): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {
    'aws:PrincipalArn': caller.principalArn,
    'aws:PrincipalAccount': caller.account,
  };
  if (caller.tags === null) {
    unknownKeys.push('aws:PrincipalTag/');
  } else {
    for (const [key, value] of Object.entries(caller.tags)) {
      context[`aws:PrincipalTag/${key}`] = value;
    }
  }
  return context;
}

function endpointContext(
  endpoint: EndpointPath | null | undefined,
): Record<string, string> {
  return endpoint
    ? { 'aws:SourceVpce': endpoint.vpceId, 'aws:SourceVpc': endpoint.vpcId }
    : {};
}

/** The SecretId ECS passes: the valueFrom up to the secret id, without key, stage or version. */
function secretIdSent(reference: ResolvedReference): string | null {
  const parsed = parseValueFrom(reference.valueFrom);
  if (parsed.store !== 'secretsmanager') {
    return null;
  }
  const cut = reference.valueFrom.indexOf(
    ':',
    reference.valueFrom.indexOf(':secret:') + 8,
  );
  return cut === -1 ? reference.valueFrom : reference.valueFrom.slice(0, cut);
}

function versionIdFor(secret: Secret, reference: ResolvedReference): string | null {
  if (reference.versionId) {
    return reference.versionId;
  }
  const stage = reference.versionStage ?? 'AWSCURRENT';
  const fromMap = Object.entries(secret.VersionIdsToStages ?? {}).find(([, stages]) =>
    stages.includes(stage),
  );
  if (fromMap) {
    return fromMap[0];
  }
  return secret.Versions?.find((v) => v.VersionStages.includes(stage))?.VersionId ?? null;
}

/**
 * `secretsmanager:GetSecretValue` as ECS sends it: VersionStage and VersionId
 * only when the reference names one, the source VPC endpoint only when the
 * call goes through one. A runtime consumer's app may send anything, so those
 * keys are unknown for it; so is the SecretId of an SSM reference, which
 * Parameter Store forwards.
 */
export function readSecretRequest(
  caller: Caller,
  secret: Secret,
  reference: ResolvedReference,
  endpoint: EndpointPath | null | undefined,
): PlannedRequest {
  const unknownKeys: string[] = [];
  const context = callerContext(caller, unknownKeys);
  if (reference.kind === 'runtime') {
    unknownKeys.push(
      'secretsmanager:VersionStage',
      'secretsmanager:VersionId',
      'secretsmanager:SecretId',
    );
  } else {
    if (reference.versionStage)
      context['secretsmanager:VersionStage'] = reference.versionStage;
    if (reference.versionId) context['secretsmanager:VersionId'] = reference.versionId;
    const secretId = secretIdSent(reference);
    if (secretId) context['secretsmanager:SecretId'] = secretId;
    else unknownKeys.push('secretsmanager:SecretId');
  }
  if (reference.kind !== 'ssmReference') {
    Object.assign(context, endpointContext(endpoint));
  }
  if (secret.RotationLambdaARN) {
    context['secretsmanager:resource/AllowRotationLambdaArn'] = secret.RotationLambdaARN;
  }
  if (secret.Tags === undefined) {
    unknownKeys.push(...SECRET_TAG_KEYS);
  } else {
    for (const tag of secret.Tags) {
      for (const prefix of SECRET_TAG_KEYS)
        context[`${prefix}${tag.Key}`] = tag.Value ?? '';
    }
  }
  return {
    purpose: 'readSecret',
    request: {
      principalArn: caller.principalArn,
      action: 'secretsmanager:GetSecretValue',
      resource: secret.ARN,
      context,
      unknownKeys,
    },
    resourceAccount: accountOf(secret.ARN),
  };
}

/**
 * `kms:Decrypt` as Secrets Manager makes it for the caller: through the
 * Secrets Manager service of the secret's region, with the secret ARN and
 * version id as encryption context. Key tags are not in the snapshot.
 */
export function decryptRequest(
  caller: Caller,
  secret: Secret,
  reference: ResolvedReference,
  key: KmsKeyEntry,
): PlannedRequest {
  const unknownKeys = ['aws:ResourceTag/'];
  const context = callerContext(caller, unknownKeys);
  context['kms:ViaService'] = `secretsmanager.${regionOf(secret.ARN)}.amazonaws.com`;
  context['kms:CallerAccount'] = caller.account;
  context['kms:EncryptionContext:SecretARN'] = secret.ARN;
  const versionId = reference.kind === 'runtime' ? null : versionIdFor(secret, reference);
  if (versionId) context['kms:EncryptionContext:SecretVersionId'] = versionId;
  else unknownKeys.push('kms:EncryptionContext:SecretVersionId');
  return {
    purpose: 'decrypt',
    request: {
      principalArn: caller.principalArn,
      action: 'kms:Decrypt',
      resource: key.KeyMetadata.Arn,
      context,
      unknownKeys,
    },
    resourceAccount: accountOf(key.KeyMetadata.Arn),
  };
}

/** `ssm:GetParameters` on the parameter a reference names, or null when it names none. */
export function readParameterRequest(
  caller: Caller,
  snapshot: Snapshot,
  reference: ResolvedReference,
  endpoint: EndpointPath | null | undefined,
): PlannedRequest | null {
  const parsed = parseValueFrom(reference.valueFrom);
  if (parsed.store !== 'ssm') {
    return null;
  }
  const scope = parsed.scope ?? {
    partition: snapshot.partition ?? partitionForRegion(snapshot.region),
    region: snapshot.region,
    account: snapshot.account,
  };
  const path = parsed.name.startsWith('/') ? parsed.name : `/${parsed.name}`;
  const unknownKeys: string[] = ['aws:ResourceTag/'];
  const context = { ...callerContext(caller, unknownKeys), ...endpointContext(endpoint) };
  return {
    purpose: 'readParameter',
    request: {
      principalArn: caller.principalArn,
      action: 'ssm:GetParameters',
      resource: `arn:${scope.partition}:ssm:${scope.region}:${scope.account}:parameter${path}`,
      context,
      unknownKeys,
    },
    resourceAccount: scope.account,
  };
}
