import type { ShapeIssue } from './parse.js';
import type { ParsedValueFrom } from './types.js';

/** The staging labels Secrets Manager itself maintains. */
const AWS_STAGES = new Set(['AWSCURRENT', 'AWSPREVIOUS', 'AWSPENDING']);

/** Secrets Manager version ids (ClientRequestToken) are 32 to 64 characters. */
const MIN_VERSION_ID_LENGTH = 32;

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** `a.b`, `a[0]`, `$.a`: paths into nested JSON, which ECS does not follow. */
const NESTED_KEY = /[.[\]]/;

/**
 * What is wrong with a parsed reference beyond its syntax: the invalid parse
 * itself, a version stage and id in each other's place or both set, a nested
 * JSON key. Empty when the reference is well formed.
 */
export function shapeIssues(parsed: ParsedValueFrom): ShapeIssue[] {
  if (parsed.store === 'invalid') {
    return [{ code: parsed.code, message: parsed.message }];
  }
  if (parsed.store === 'ssm') {
    return [];
  }

  const issues: ShapeIssue[] = [];
  const { jsonKey, versionStage, versionId } = parsed;
  if (versionStage !== null && versionId !== null) {
    issues.push({
      code: 'MalformedVersionReference',
      message: `both a version stage ("${versionStage}") and a version id are set; ECS accepts only one`,
    });
  } else if (versionId !== null && looksLikeStage(versionId)) {
    issues.push({
      code: 'MalformedVersionReference',
      message: `"${versionId}" sits in the version-id field but is a staging label, not a version id`,
    });
  } else if (versionStage !== null && UUID.test(versionStage)) {
    issues.push({
      code: 'MalformedVersionReference',
      message: `"${versionStage}" sits in the version-stage field but is a version id`,
    });
  }

  if (jsonKey !== null && NESTED_KEY.test(jsonKey)) {
    issues.push({
      code: 'UnsupportedNestedJsonKey',
      message: `JSON key "${jsonKey}" looks like a nested path; ECS reads only a top-level key of exactly that name`,
    });
  }
  return issues;
}

function looksLikeStage(versionId: string): boolean {
  return AWS_STAGES.has(versionId) || versionId.length < MIN_VERSION_ID_LENGTH;
}
