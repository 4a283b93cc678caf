import type { ArnScope } from './types.js';

/** An ARN split into its fixed fields; `resource` keeps any colons it holds. */
export type ArnParts = ArnScope & { service: string; resource: string };

const PARTITION = /^aws(-[a-z]+)*$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ACCOUNT = /^\d{12}$/;

/** Splits an ARN into its fields, or returns null when it is not one. */
export function splitArn(value: string): ArnParts | null {
  const parts = value.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') {
    return null;
  }

  const [, partition = '', service = '', region = '', account = ''] = parts;
  const resource = parts.slice(5).join(':');
  if (!PARTITION.test(partition) || service === '' || resource === '') {
    return null;
  }
  return { partition, service, region, account, resource };
}

/** True when the region and account fields are what a regional resource ARN needs. */
export function hasRegionalScope(parts: ArnScope): boolean {
  return REGION.test(parts.region) && ACCOUNT.test(parts.account);
}

/** The partition a region belongs to, for snapshots that do not say. */
export function partitionForRegion(region: string): string {
  if (region.startsWith('cn-')) {
    return 'aws-cn';
  }
  if (region.startsWith('us-gov-')) {
    return 'aws-us-gov';
  }
  if (region.startsWith('us-iso-')) {
    return 'aws-iso';
  }
  if (region.startsWith('us-isob-')) {
    return 'aws-iso-b';
  }
  return 'aws';
}

/** True when two scopes name the same partition, region and account. */
export function sameScope(a: ArnScope, b: ArnScope): boolean {
  return a.partition === b.partition && a.region === b.region && a.account === b.account;
}

/** The Secrets Manager ARN for a secret id in a scope, exactly as written. */
export function secretArnFor(scope: ArnScope, secretId: string): string {
  return `arn:${scope.partition}:secretsmanager:${scope.region}:${scope.account}:secret:${secretId}`;
}
