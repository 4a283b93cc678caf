import { describe, expect, it } from 'vitest';
import {
  classifyPlaintext,
  isHighEntropy,
  redact,
} from '../../../../lib/drift/hygiene/secret-shape.js';

// Secret-shaped samples are assembled at run time so the source holds no token.
const sample = {
  accessKeyId: ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join(''),
  privateKey: ['-----BEGIN', 'RSA PRIVATE KEY-----\nMIIEow...'].join(' '),
  jwt: [
    'eyJhbGciOiJIUzI1NiJ9',
    'eyJzdWIiOiIxMjM0NTY3ODkwIn0',
    'dozjgNryP4J3jVmNHl0w5N',
  ].join('.'),
  github: `ghp_${'aB3'.repeat(12)}`,
  slack: ['xoxb', '1234567890', 'abcdefghij'].join('-'),
  stripe: `sk_live_${'Zq9'.repeat(8)}`,
  random: 'q8Zr3VbN1mXk7TfLw2Yc9HsJd4PgEa6U',
};

describe('secret-shape', () => {
  it.each([
    // Secret by value, whatever the name.
    ['AWS_ACCESS_KEY_ID', sample.accessKeyId, 'awsAccessKeyId'],
    ['SIGNING_PEM', sample.privateKey, 'privateKeyBlock'],
    ['SESSION', sample.jwt, 'jwt'],
    ['DATABASE_URL', 'postgres://app:s3cr3t@db.internal:5432/app', 'urlCredentials'],
    ['DSN', 'Server=db;User Id=app;Password=hunter22;', 'connectionStringPassword'],
    ['GH', sample.github, 'githubToken'],
    ['NOTIFY', sample.slack, 'slackToken'],
    ['BILLING', sample.stripe, 'stripeLiveKey'],
    ['UPSTREAM_AUTH', `Bearer ${sample.random}`, 'authorizationHeader'],
    ['OPAQUE', sample.random, 'highEntropy'],
    // Secret by name, with a real-looking value.
    ['DB_PASSWORD', 'hunter22', 'name:PASSWORD'],
    ['dbPassword', 'hunter22', 'name:PASSWORD'],
    ['STRIPE_API_KEY', 'some-key-value', 'name:API_KEY'],
    ['splunk-token', 'abcd-1234', 'name:TOKEN'],
    ['http_passwd', 'letmein', 'name:PASSWD'],
    ['CLIENT_SECRET', 'abc123def', 'name:SECRET'],
    ['DB_PASS', 'letmein', 'name:PASS'],
    ['apikey', 'abcdef', 'name:APIKEY'],
    // Near misses.
    ['DB_PASSWORD', 'changeme', null],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal shell reference is the input
    ['DB_PASSWORD', '${DB_PASSWORD}', null],
    ['DB_PASSWORD', '', null],
    ['DB_PASSWORD_FILE', '/run/secrets/db', null],
    [
      'DB_SECRET_ARN',
      'arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbC123',
      null,
    ],
    [
      'API_TOKEN',
      'arn:aws:secretsmanager:us-east-1:111122223333:secret:tok-AbC123',
      null,
    ],
    ['TOKEN_TTL', '3600', null],
    ['PASSWORD_MIN_LENGTH', '12', null],
    ['SECRET_NAME', 'prod/payments/db', null],
    ['PWD', '/app', null],
    ['DATABASE_URL', 'postgres://db.internal:5432/app', null],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal shell reference is the input
    ['DATABASE_URL', 'postgres://app:${DB_PASSWORD}@db.internal/app', null],
    ['GIT_COMMIT', '9fceb02d0ae598e95dc970b74767f19372d61af8', null],
    ['IMAGE_TAG', 'payments-api-2024-05-01-build-1234', null],
    ['LOG_LEVEL', 'debug', null],
  ])('reads %s=%j as %s', (name, value, rule) => {
    expect(classifyPlaintext(name, value)?.rule ?? null).toBe(rule);
  });

  it.each([
    [sample.random, true],
    ['ProdEnvironmentConfigurationV2Abc', false],
    ['9fceb02d0ae598e95dc970b74767f19372d61af89fceb02d0ae598e95dc9', false],
    ['short7Ab', false],
  ])('scores %j as high entropy: %s', (value, expected) => {
    expect(isHighEntropy(value)).toBe(expected);
  });

  it('keeps only the length when it redacts a value', () => {
    expect(redact('hunter22')).toEqual({ redacted: '<redacted: 8 chars>', length: 8 });
  });
});
