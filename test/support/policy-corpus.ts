import type { EvalRequest, NamedPolicy, PolicySet } from '../../lib/drift/iam/types.js';

/**
 * A seeded, deterministic generator of IAM evaluation cases around the
 * requests ECS makes for secrets: GetSecretValue on a secret, Decrypt on its
 * key and GetParameters on an SSM parameter, with identity policies,
 * boundaries, resource and key policies, endpoint policies, wildcards, Not*
 * elements and conditions.
 */

export type PolicyCase = { id: number; request: EvalRequest; policies: PolicySet };

type Statement = Record<string, unknown>;

const HOME = '111122223333';
const OTHER = '444455556666';
const ROLES = [
  `arn:aws:iam::${HOME}:role/ecs-exec`,
  `arn:aws:iam::${HOME}:role/service/ecs-exec`,
];
const REGION = 'us-east-1';
const SECRET_NAME = 'app/db-AbCdEf';
const PARAMETER_PATHS = ['/app/db', '/db-password'];
const KEY_ID = 'key/1234abcd-12ab-34cd-56ef-1234567890ab';
const VPCE = 'vpce-0a1b2c3d';
const VPC = 'vpc-0f00ba11';
// biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
const USERID_VARIABLE = '${aws:userid}';

/** mulberry32: small, fast and stable across platforms. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Pick = <T>(items: readonly T[]) => T;

function picker(random: () => number): Pick {
  return (items) => items[Math.floor(random() * items.length)]!;
}

type Scenario = {
  kind: 'secret' | 'kms' | 'parameter';
  roleArn: string;
  resourceAccount: string;
  resource: string;
  action: string;
  secretArn: string;
};

function actionsFor(s: Scenario): string[] {
  if (s.kind === 'parameter') {
    return [
      'ssm:GetParameters',
      'ssm:GetParameter',
      'ssm:GetParameter*',
      'ssm:Get*',
      'ssm:*',
      'SSM:getparameters',
      'ssm:GetParameter?',
      'ssm:GetParametersByPath',
      'secretsmanager:GetSecretValue',
      'kms:Decrypt',
      '*',
    ];
  }
  return s.kind === 'secret'
    ? [
        'secretsmanager:GetSecretValue',
        'secretsmanager:Get*',
        'secretsmanager:*',
        'SecretsManager:getsecretvalue',
        'secretsmanager:GetSecret?alue',
        'secretsmanager:DescribeSecret',
        'secretsmanager:*Value',
        'kms:Decrypt',
        '*',
      ]
    : [
        'kms:Decrypt',
        'kms:*',
        'kms:De*',
        'KMS:decrypt',
        'kms:Encrypt',
        'secretsmanager:*',
        '*',
      ];
}

function parameterResources(s: Scenario): string[] {
  const base = `arn:aws:ssm:${REGION}:${s.resourceAccount}:parameter`;
  return [
    '*',
    s.resource,
    `${base}/app/*`,
    `${base}/app/db*`,
    `${base}/App/*`,
    `${base}/db-*`,
    `${base}/other/*`,
    `${base}*`,
    `${base}/*`,
    `arn:aws:ssm:*:${s.resourceAccount}:parameter/*`,
    `arn:aws:ssm:${REGION}:${s.resourceAccount}:*`,
    `arn:aws:ssm:${REGION}:${OTHER}:parameter/*`,
    `arn:aws:secretsmanager:${REGION}:${s.resourceAccount}:secret:*`,
    `${base}/\${aws:username}`,
  ];
}

function resourcesFor(s: Scenario): string[] {
  if (s.kind === 'parameter') {
    return parameterResources(s);
  }
  if (s.kind === 'kms') {
    const acct = s.resourceAccount;
    return [
      '*',
      s.resource,
      `arn:aws:kms:${REGION}:${acct}:key/*`,
      `arn:aws:kms:*:${acct}:key/*`,
      `arn:aws:kms:${REGION}:${acct}:key/other-key`,
      `arn:aws:kms:${REGION}:${acct === HOME ? OTHER : HOME}:key/*`,
      `arn:aws:kms:${REGION}:${acct}:alias/app`,
    ];
  }
  const acct = s.resourceAccount;
  const base = `arn:aws:secretsmanager:${REGION}:${acct}:secret:`;
  return [
    '*',
    s.resource,
    `${base}app/*`,
    `${base}app/db-??????`,
    `${base}App/*`,
    `${base}other-*`,
    `arn:aws:secretsmanager:*:*:secret:*`,
    `arn:aws:secretsmanager:${REGION}:${acct === HOME ? OTHER : HOME}:secret:*`,
    `${base}app/db`,
    `${base}\${aws:username}`,
  ];
}

type ConditionTemplate = { key: string; values: string[]; operators: string[] };

function conditionsFor(s: Scenario): ConditionTemplate[] {
  const strings = ['StringEquals', 'StringNotEquals', 'StringLike', 'StringNotLike'];
  const arns = ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'StringLike'];
  const common: ConditionTemplate[] = [
    {
      key: 'aws:PrincipalArn',
      values: [
        s.roleArn,
        `arn:aws:iam::${HOME}:role/*`,
        `arn:aws:iam::${HOME}:role/other`,
      ],
      operators: arns,
    },
    { key: 'aws:PrincipalAccount', values: [HOME, OTHER], operators: strings },
    {
      key: 'aws:ResourceTag/team',
      values: ['payments', 'PAYMENTS', 'pay*'],
      operators: [...strings, 'StringEqualsIgnoreCase'],
    },
    { key: 'aws:PrincipalTag/team', values: ['payments', 'search'], operators: strings },
    { key: 'aws:PrincipalTag/admin', values: ['true', 'false'], operators: ['Bool'] },
    { key: 'aws:SecureTransport', values: ['true'], operators: ['Bool'] },
    { key: 'aws:MultiFactorAuthAge', values: ['3600'], operators: ['NumericLessThan'] },
    { key: 'aws:username', values: [USERID_VARIABLE], operators: ['StringEquals'] },
  ];
  const endpoint: ConditionTemplate[] = [
    { key: 'aws:SourceVpce', values: [VPCE, 'vpce-99999999'], operators: strings },
    { key: 'aws:SourceVpc', values: [VPC, 'vpc-1'], operators: strings },
  ];
  if (s.kind === 'parameter') {
    // Parameter tags are not in the snapshot: the request declares them unknown.
    return [...common.filter((t) => t.key !== 'aws:ResourceTag/team'), ...endpoint];
  }
  if (s.kind === 'kms') {
    return [
      ...common,
      {
        key: 'kms:ViaService',
        values: [
          `secretsmanager.${REGION}.amazonaws.com`,
          'secretsmanager.*.amazonaws.com',
          `ssm.${REGION}.amazonaws.com`,
        ],
        operators: strings,
      },
      { key: 'kms:CallerAccount', values: [HOME, OTHER], operators: strings },
      {
        key: 'kms:EncryptionContext:SecretARN',
        values: [s.secretArn, `arn:aws:secretsmanager:${REGION}:*:secret:app/*`, 'nope'],
        operators: [...strings, 'ArnLike'],
      },
      {
        key: 'kms:EncryptionContext:SecretVersionId',
        values: ['v-1', 'v-*'],
        operators: strings,
      },
    ];
  }
  return [
    ...common,
    {
      key: 'secretsmanager:VersionStage',
      values: ['AWSCURRENT', 'AWSPREVIOUS', 'AWS*'],
      operators: strings,
    },
    { key: 'secretsmanager:VersionId', values: ['v-1', 'v-2'], operators: strings },
    {
      key: 'secretsmanager:SecretId',
      values: [s.secretArn, 'app/db', '*app*'],
      operators: strings,
    },
    ...endpoint,
    {
      key: 'secretsmanager:resource/AllowRotationLambdaArn',
      values: [
        `arn:aws:lambda:${REGION}:${HOME}:function:rotate`,
        'arn:aws:lambda:*:*:function:*',
      ],
      operators: arns,
    },
  ];
}

function makeCondition(s: Scenario, pick: Pick, random: () => number): Statement {
  const template = pick(conditionsFor(s));
  const r = random();
  let operator = pick(template.operators);
  if (r < 0.15) operator = `${operator}IfExists`;
  else if (r < 0.25) operator = `ForAnyValue:${operator}`;
  else if (r < 0.33) operator = `ForAllValues:${operator}`;
  else if (r < 0.43) operator = 'Null';
  const values =
    operator === 'Null'
      ? pick(['true', 'false'])
      : random() < 0.3
        ? [pick(template.values), pick(template.values)]
        : pick(template.values);
  return { [operator]: { [template.key]: values } };
}

function makeStatement(
  s: Scenario,
  pick: Pick,
  random: () => number,
  deny: number,
): Statement {
  const statement: Statement = { Effect: random() < deny ? 'Deny' : 'Allow' };
  if (random() < 0.5) statement.Sid = `S${Math.floor(random() * 1000)}`;
  const actions =
    random() < 0.3 ? [pick(actionsFor(s)), pick(actionsFor(s))] : pick(actionsFor(s));
  statement[random() < 0.12 ? 'NotAction' : 'Action'] = actions;
  const resources =
    random() < 0.25
      ? [pick(resourcesFor(s)), pick(resourcesFor(s))]
      : pick(resourcesFor(s));
  statement[random() < 0.12 ? 'NotResource' : 'Resource'] = resources;
  if (random() < 0.45) {
    const condition = makeCondition(s, pick, random);
    if (random() < 0.25) Object.assign(condition, makeCondition(s, pick, random));
    statement.Condition = condition;
  }
  return statement;
}

function makePrincipal(s: Scenario, pick: Pick): unknown {
  return pick([
    '*',
    { AWS: '*' },
    { AWS: s.roleArn },
    { AWS: `arn:aws:iam::${HOME}:root` },
    { AWS: HOME },
    { AWS: `arn:aws:iam::${OTHER}:root` },
    { AWS: [`arn:aws:iam::${OTHER}:root`, s.roleArn] },
    { AWS: `arn:aws:iam::${HOME}:role/other` },
    { Service: 'ecs-tasks.amazonaws.com' },
  ]);
}

function policy(name: string, statements: Statement[]): NamedPolicy {
  return { name, document: { Version: '2012-10-17', Statement: statements } };
}

function scenario(pick: Pick, random: () => number): Scenario {
  const roleArn = pick(ROLES);
  const resourceAccount = random() < 0.65 ? HOME : OTHER;
  const secretArn = `arn:aws:secretsmanager:${REGION}:${resourceAccount}:secret:${SECRET_NAME}`;
  const kind = random();
  if (kind < 0.2) {
    // The role checks evaluate parameters of the role's own account only.
    const path = pick(PARAMETER_PATHS);
    return {
      kind: 'parameter',
      roleArn,
      resourceAccount: HOME,
      resource: `arn:aws:ssm:${REGION}:${HOME}:parameter${path}`,
      action: 'ssm:GetParameters',
      secretArn,
    };
  }
  if (kind < 0.48) {
    const resource = `arn:aws:kms:${REGION}:${resourceAccount}:${KEY_ID}`;
    return {
      kind: 'kms',
      roleArn,
      resourceAccount,
      resource,
      action: 'kms:Decrypt',
      secretArn,
    };
  }
  return {
    kind: 'secret',
    roleArn,
    resourceAccount,
    resource: secretArn,
    action: 'secretsmanager:GetSecretValue',
    secretArn,
  };
}

function context(s: Scenario, pick: Pick, random: () => number): EvalRequest['context'] {
  const ctx: EvalRequest['context'] = {
    'aws:PrincipalArn': s.roleArn,
    'aws:PrincipalAccount': HOME,
  };
  // A parameter's tags are unknown to the request, never in its context.
  if (random() < 0.5 && s.kind !== 'parameter')
    ctx['aws:ResourceTag/team'] = pick(['payments', 'Payments', 'search']);
  if (random() < 0.4) ctx['aws:PrincipalTag/team'] = pick(['payments', 'search']);
  if (random() < 0.3) ctx['aws:PrincipalTag/admin'] = pick(['true', 'false']);
  if (s.kind === 'parameter') {
    if (random() < 0.5) {
      ctx['aws:SourceVpce'] = VPCE;
      ctx['aws:SourceVpc'] = VPC;
    }
    return ctx;
  }
  if (s.kind === 'kms') {
    ctx['kms:ViaService'] = `secretsmanager.${REGION}.amazonaws.com`;
    ctx['kms:CallerAccount'] = HOME;
    ctx['kms:EncryptionContext:SecretARN'] = s.secretArn;
    if (random() < 0.5) ctx['kms:EncryptionContext:SecretVersionId'] = 'v-1';
    return ctx;
  }
  ctx['secretsmanager:SecretId'] = s.secretArn;
  if (random() < 0.4)
    ctx['secretsmanager:VersionStage'] = pick(['AWSCURRENT', 'AWSPREVIOUS']);
  else if (random() < 0.2) ctx['secretsmanager:VersionId'] = pick(['v-1', 'v-2']);
  if (random() < 0.4) {
    ctx['aws:SourceVpce'] = VPCE;
    ctx['aws:SourceVpc'] = VPC;
  }
  if (random() < 0.3) {
    ctx['secretsmanager:resource/AllowRotationLambdaArn'] =
      `arn:aws:lambda:${REGION}:${HOME}:function:rotate`;
  }
  return ctx;
}

function generateCase(id: number, seed: number): PolicyCase {
  const random = rng(seed);
  const pick = picker(random);
  const s = scenario(pick, random);
  const count = (max: number) => 1 + Math.floor(random() * max);

  const identity = Array.from({ length: count(2) }, (_, i) =>
    policy(
      `identity-${i}`,
      Array.from({ length: count(3) }, () => makeStatement(s, pick, random, 0.2)),
    ),
  );
  const boundary =
    random() < 0.3
      ? policy(
          'boundary',
          Array.from({ length: count(2) }, () => makeStatement(s, pick, random, 0.15)),
        )
      : null;

  // A parameter has no resource policy the role checks read.
  const wantsResource = s.kind === 'kms' || (s.kind === 'secret' && random() < 0.55);
  const resource = wantsResource
    ? policy(
        s.kind === 'kms' ? 'key-policy' : 'secret-policy',
        Array.from({ length: count(3) }, () => {
          const statement = makeStatement(s, pick, random, 0.25);
          const principal = makePrincipal(s, pick);
          statement[
            statement.Effect === 'Deny' && random() < 0.2 ? 'NotPrincipal' : 'Principal'
          ] = principal;
          return statement;
        }),
      )
    : null;

  const ctx = context(s, pick, random);
  // Most endpoint policies name every principal, as the default one does.
  const endpoint =
    s.kind !== 'kms' && ctx['aws:SourceVpce'] !== undefined && random() < 0.6
      ? policy(
          'endpoint-policy',
          Array.from({ length: count(2) }, () => ({
            ...makeStatement(s, pick, random, 0.2),
            Principal: random() < 0.55 ? '*' : makePrincipal(s, pick),
          })),
        )
      : null;

  return {
    id,
    request: {
      principalArn: s.roleArn,
      action: s.action,
      resource: s.resource,
      context: ctx,
      ...(s.kind === 'parameter' ? { unknownKeys: ['aws:ResourceTag/'] } : {}),
    },
    policies: {
      identity,
      boundary,
      resource,
      endpoint,
      principalAccount: HOME,
      resourceAccount: s.resourceAccount,
    },
  };
}

/** Generates `count` cases from `seed`; the same arguments always give the same cases. */
export function generatePolicyCorpus(count: number, seed = 20261201): PolicyCase[] {
  return Array.from({ length: count }, (_, id) => generateCase(id, seed + id * 7919));
}
