import { describe, expect, it } from 'vitest';
import { collectReferences, parseValueFrom } from '../../../lib/refs/index.js';
import {
  buildService,
  buildSnapshot,
  buildTaskDefinition,
} from '../../support/snapshots.js';

const SM = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:';

describe('parse (hostile input)', () => {
  it.each<[string, string]>([
    ['an empty string', ''],
    ['whitespace', ' \t'],
    ['a newline', '\n'],
    ['a trailing newline', `${SM}db\n`],
    ['a leading space', ` ${SM}db`],
    ['a trailing space', `${SM}db `],
    ['non-ASCII letters', `${SM}dé`],
    ['a NUL byte', `${SM}db\u0000`],
    ['no region or account', 'arn:aws:secretsmanager:::secret:'],
    ['only colons', 'arn::::::'],
    ['a thousand colons', `arn:${':'.repeat(1000)}`],
    ['five fields after secret:', `${SM}a:b:c:d:e`],
    ['an empty secret id', `${SM}:::`],
    ['an uppercase prefix', `ARN:aws:secretsmanager:us-east-1:111122223333:secret:db`],
    ['an uppercase partition', 'arn:AWS:secretsmanager:us-east-1:111122223333:secret:db'],
    ['an uppercase region', 'arn:aws:secretsmanager:US-EAST-1:111122223333:secret:db'],
    ['an empty parameter ARN', 'arn:aws:ssm:us-east-1:111122223333:parameter/'],
    ['a parameter path of slashes', '/'.repeat(10_000)],
    ['a long partition of dashes', `arn:aws-${'a-'.repeat(20_000)}!:s`],
  ])('reports %s as an invalid reference', (_case, value) => {
    expect(parseValueFrom(value)).toMatchObject({
      store: 'invalid',
      code: 'InvalidValueFrom',
    });
  });

  it.each<[string, string, string]>([
    [
      'an ISO partition',
      'arn:aws-iso:secretsmanager:us-iso-east-1:111122223333:secret:db',
      'aws-iso',
    ],
    ['empty optional fields', `${SM}db:::`, 'aws'],
    ['a 10,000-character id', `${SM}${'a'.repeat(10_000)}`, 'aws'],
  ])('reads %s as a Secrets Manager reference', (_case, value, partition) => {
    expect(parseValueFrom(value)).toMatchObject({ store: 'secretsmanager', partition });
  });

  it('collects nothing and throws nothing when the task definition is absent', () => {
    const snapshot = buildSnapshot({ services: [buildService({ name: 'api' })] });
    const [service] = snapshot.services;
    if (service === undefined) throw new Error('fixture has no service');

    expect(collectReferences(snapshot, service, undefined)).toEqual({
      references: [],
      findings: [],
    });
  });

  it('reports each bad container entry as a finding when fields are empty', () => {
    const snapshot = buildSnapshot({
      services: [
        {
          ...buildService({ name: 'api' }),
          tags: [{ key: 'secret-reconciler/secrets', value: ' , ,' }],
        },
      ],
      taskDefinitions: [
        buildTaskDefinition({
          family: 'api',
          containerDefinitions: [
            { name: '' },
            {
              name: 'app',
              secrets: [{ name: '', valueFrom: '' }],
              logConfiguration: {
                logDriver: 'awslogs',
                secretOptions: [{ name: 'x', valueFrom: 'arn::::::' }],
              },
              repositoryCredentials: { credentialsParameter: '' },
              environment: [{ name: 'EMPTY' }],
            },
          ],
        }),
      ],
    });
    const [service] = snapshot.services;
    const [taskDefinition] = snapshot.taskDefinitions;
    if (service === undefined) throw new Error('fixture has no service');

    const collected = collectReferences(snapshot, service, taskDefinition);

    expect(collected.references).toHaveLength(3);
    expect(collected.findings.map((f) => f.code)).toEqual([
      'InvalidValueFrom',
      'InvalidValueFrom',
      'InvalidValueFrom',
    ]);
  });
});
