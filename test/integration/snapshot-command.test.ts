import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type SeededFleet, seedFleet } from '../../cli/demo/seed.js';
import { createClients } from '../../lib/observe/clients.js';
import { createRecordStore, ensureTable } from '../../lib/records/index.js';
import { parseSnapshot } from '../../lib/snapshot/index.js';
import { emulatorClientConfig, resetEmulator } from '../support/aws.js';
import { run } from '../unit/cli/run.js';

describe('snapshot command and live explain', () => {
  const config = emulatorClientConfig();
  let fleet: SeededFleet;
  /** The controller's record of the database secret's present version. */
  const record = () => ({
    secretArn: fleet.secrets.database.arn,
    label: 'AWSCURRENT',
    versionId: fleet.secrets.database.currentVersionId,
    movedAt: '2024-05-01T12:00:00.000Z',
    source: 'event' as const,
  });

  beforeAll(async () => {
    await resetEmulator();
    const clients = createClients(config);
    fleet = await seedFleet(clients);
    await ensureTable(clients.dynamodb, 'snapshot-records');
    await createRecordStore(clients.dynamodb, 'snapshot-records').save([record()]);
    // The command uses the default credential chain, which reads the process environment.
    vi.stubEnv('AWS_ACCESS_KEY_ID', config.credentials.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', config.credentials.secretAccessKey);
  });

  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('prints a loadable snapshot on stdout and nothing on stderr when stderr is not a terminal', async () => {
    const result = await run(['snapshot', '--endpoint-url', config.endpoint]);

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const snapshot = parseSnapshot(JSON.parse(result.stdout), 'stdout');
    expect(snapshot.services).toHaveLength(Object.keys(fleet.services).length);
  });

  it('writes only the named cluster to the output file when given --cluster and --output', async () => {
    const output = join(await mkdtemp(join(tmpdir(), 'snapshot-')), 'fleet.json');

    const result = await run([
      'snapshot',
      '--endpoint-url',
      config.endpoint,
      '--region',
      config.region,
      '--cluster',
      fleet.clusters.edge,
      '--output',
      output,
    ]);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const snapshot = parseSnapshot(JSON.parse(await readFile(output, 'utf8')), output);
    expect(new Set(snapshot.services.map((s) => s.clusterArn))).toEqual(
      new Set([fleet.clusters.edge]),
    );
  });

  it('includes the label records when given --records-table', async () => {
    const result = await run([
      'snapshot',
      '--endpoint-url',
      config.endpoint,
      '--records-table',
      'snapshot-records',
    ]);

    expect(result.code).toBe(0);
    expect(parseSnapshot(JSON.parse(result.stdout), 'stdout').records).toEqual([
      record(),
    ]);
  });

  it('explains a live service from the same label records when given --records-table', async () => {
    const argv = ['explain', fleet.services.web.name, '--endpoint-url', config.endpoint];

    const without = await run([...argv, '--format', 'json']);
    const withRecords = await run([
      ...argv,
      '--records-table',
      'snapshot-records',
      '--format',
      'json',
    ]);

    const moveOf = (stdout: string) =>
      (JSON.parse(stdout) as { references: { secret: { move: unknown } | null }[] })
        .references[0]?.secret?.move;
    expect(without.code).toBe(0);
    expect(moveOf(without.stdout)).toMatchObject({ source: 'creation' });
    expect(withRecords.code).toBe(0);
    expect(moveOf(withRecords.stdout)).toEqual({
      movedAt: '2024-05-01T12:00:00.000Z',
      source: 'event',
    });
  });

  it('leaves the records out with a warning when the table does not exist', async () => {
    const result = await run([
      'snapshot',
      '--endpoint-url',
      config.endpoint,
      '--records-table',
      'no-such-table',
    ]);

    expect(result.code).toBe(0);
    expect(parseSnapshot(JSON.parse(result.stdout), 'stdout').records).toBeUndefined();
    expect(result.stderr).toContain('Label records left out');
  });
});
