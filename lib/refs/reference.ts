import type { Finding, ReferenceKind } from '../plan/types.js';
import { FINDINGS } from '../plan/vocabulary.js';
import type { Secret } from '../snapshot/types.js';
import { sameScope } from './arn.js';
import { missingVersion, type ObservedScope, resolveSecret } from './resolve.js';
import { shapeIssues } from './shape.js';
import { type Site, siteFinding } from './site.js';
import type { ArnScope, ParsedValueFrom, ResolvedReference } from './types.js';

/** What resolving a reference needs from the snapshot. */
export type ResolveContext = {
  /** Partition, account and region of the snapshot: where bare names live. */
  home: ArnScope;
  observed: ObservedScope;
  secrets: readonly Secret[];
  /** Parameter names without a leading slash; null when the snapshot holds none. */
  parameters: ReadonlySet<string> | null;
};

type Resolved = { reference: ResolvedReference; findings: Finding[] };

/** Turns one parsed reference into a plan reference and the findings about it. */
export function resolveEntry(
  context: ResolveContext,
  site: Site,
  parsed: ParsedValueFrom,
): Resolved {
  const kind = kindOf(site, parsed);
  const base = {
    serviceArn: site.serviceArn,
    taskDefinitionArn: site.taskDefinitionArn,
    container: site.container,
    kind,
    name: site.name,
    valueFrom: site.valueFrom,
  };

  if (parsed.store === 'ssm' && parsed.secretsManagerId === null) {
    const findings = checkParameter(context, site, parsed.name, parsed.scope);
    const reference = { ...base, ...UNSET, secretArn: null, secret: null };
    return { reference: { ...reference, store: 'ssm' }, findings };
  }
  if (parsed.store === 'invalid') {
    const findings = shapeIssues(parsed).map((i) =>
      siteFinding(i.code, site, null, i.message),
    );
    const reference = { ...base, ...UNSET, secretArn: null, secret: null };
    return { reference: { ...reference, store: 'invalid' }, findings };
  }

  const versions =
    parsed.store === 'secretsmanager'
      ? {
          jsonKey: parsed.jsonKey,
          versionStage: parsed.versionStage,
          versionId: parsed.versionId,
        }
      : UNSET;
  const { secret, secretArn, findings } = lookUpSecret(context, site, parsed);
  const issues = shapeIssues(parsed);
  findings.unshift(...issues.map((i) => siteFinding(i.code, site, secretArn, i.message)));
  if (secret !== null && !issues.some((i) => i.code === 'MalformedVersionReference')) {
    const missing = missingVersion(secret, versions.versionStage, versions.versionId);
    if (missing !== null) {
      findings.push(siteFinding('VersionNotFound', site, secretArn, missing, versions));
    }
  }

  const broken = issues.some((i) => FINDINGS[i.code].severity === 'critical');
  const store = broken ? 'invalid' : parsed.store;
  return { reference: { ...base, ...versions, secretArn, secret, store }, findings };
}

const UNSET = { jsonKey: null, versionStage: null, versionId: null } as const;

function kindOf(site: Site, parsed: ParsedValueFrom): ReferenceKind {
  if (parsed.store === 'ssm' && parsed.secretsManagerId !== null) {
    return 'ssmReference';
  }
  switch (site.slot) {
    case 'secret':
      return 'environment';
    case 'logOption':
      return 'logOption';
    case 'registryAuth':
      return 'registryAuth';
    default:
      return 'runtime';
  }
}

type Lookup = { secret: Secret | null; secretArn: string | null; findings: Finding[] };

function lookUpSecret(
  context: ResolveContext,
  site: Site,
  parsed: Extract<ParsedValueFrom, { store: 'secretsmanager' | 'ssm' }>,
): Lookup {
  const [id, scope] =
    parsed.store === 'secretsmanager'
      ? [parsed.secretId, parsed]
      : [parsed.secretsManagerId ?? '', parsed.scope ?? context.home];
  const at = `${scope.account} ${scope.region}`;
  const resolution = resolveSecret(id, scope, context.secrets, context.observed);

  switch (resolution.status) {
    case 'resolved': {
      const { secret } = resolution;
      const findings =
        secret.DeletedDate === undefined
          ? []
          : [
              siteFinding(
                'SecretPendingDeletion',
                site,
                secret.ARN,
                `secret ${secret.Name} is scheduled for deletion (deleted ${secret.DeletedDate})`,
                { deletedDate: secret.DeletedDate },
              ),
            ];
      return { secret, secretArn: secret.ARN, findings };
    }
    case 'ambiguous': {
      const candidates = resolution.candidates.map((s) => s.ARN);
      const detail = `"${id}" could mean ${candidates.length} secrets in ${at}; use the full ARN`;
      const finding = siteFinding('AmbiguousPartialArn', site, null, detail, {
        candidates,
      });
      return { secret: null, secretArn: null, findings: [finding] };
    }
    case 'notFound': {
      const detail = `no secret "${id}" exists in ${at}`;
      const finding = siteFinding('SecretNotFound', site, null, detail, { secretId: id });
      return { secret: null, secretArn: null, findings: [finding] };
    }
    case 'outsideSnapshot': {
      const detail = `secret "${id}" is in ${at}, outside the snapshot`;
      const evidence = { referencedArn: resolution.arn };
      const finding = siteFinding(
        'SecretOutsideSnapshot',
        site,
        resolution.arn,
        detail,
        evidence,
      );
      // The referenced ARN is the best identity known for a secret outside the snapshot.
      return { secret: null, secretArn: resolution.arn, findings: [finding] };
    }
  }
}

/** A bare name or ARN read from Parameter Store: does the parameter exist? */
function checkParameter(
  context: ResolveContext,
  site: Site,
  name: string,
  scope: ArnScope | null,
): Finding[] {
  if (scope !== null && !sameScope(scope, context.home)) {
    return [];
  }
  const key = name.replace(/^\//, '');
  if (context.parameters?.has(key)) {
    return [];
  }

  // A bare name is where people most often mean a Secrets Manager secret.
  const resolution =
    scope === null ? resolveSecret(name, context.home, context.secrets) : null;
  const secret = resolution?.status === 'resolved' ? resolution.secret : null;
  if (context.parameters === null) {
    return secret === null
      ? []
      : [
          siteFinding(
            'Unverifiable',
            site,
            secret.ARN,
            `"${name}" is read from Parameter Store, and a Secrets Manager secret has that name; the snapshot holds no SSM parameters to tell whether the parameter exists`,
            { secretName: secret.Name, parameter: name },
          ),
        ];
  }
  if (secret !== null) {
    return [
      siteFinding(
        'LikelyWrongStore',
        site,
        secret.ARN,
        `"${name}" is read from Parameter Store, where no such parameter exists, but a Secrets Manager secret has that name; use its ARN`,
        { secretName: secret.Name, parameter: name },
      ),
    ];
  }
  return [
    siteFinding('SsmParameterNotFound', site, null, `no SSM parameter "${name}" exists`, {
      parameter: name,
    }),
  ];
}
