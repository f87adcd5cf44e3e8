import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, openLocalDatabase, startEmbeddedPostgres } from '../src/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'benvung-embedded-'));
  // As root the server runs as `postgres`, which must be able to enter the directory.
  await chmod(dir, 0o755);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  it('keeps its data across a restart, and tools reach the running server instead of starting another', async () => {
    const first = await startEmbeddedPostgres({ dir, persistent: true });
    await query(first.url, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('còn đây')`);
    // A password is generated, kept private, and required.
    expect((await readFile(join(dir, 'pg-password'), 'utf8')).trim()).toMatch(/^[\w-]{20,}$/);
    await expect(query(first.url.replace(/:[^:@]+@/, ':wrong@'), 'SELECT 1')).rejects.toThrow();

    // While it runs, openLocalDatabase finds it through postmaster.pid and does not own it.
    const attached = await openLocalDatabase({ dataDir: dir });
    expect(attached.description).toContain('running embedded PostgreSQL');
    expect(await query<{ note: string }>(attached.url, 'SELECT note FROM kept')).toEqual([{ note: 'còn đây' }]);
    await attached.release();
    expect(await query(first.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await first.stop();

    // Stopped: openLocalDatabase starts it again on the same data, and stops what it started.
    const restarted = await openLocalDatabase({ dataDir: dir });
    expect(restarted.description).toContain('started for this command');
    expect(await query<{ note: string }>(restarted.url, 'SELECT note FROM kept')).toEqual([{ note: 'còn đây' }]);
    await restarted.release();
    await expect(query(restarted.url, 'SELECT 1')).rejects.toThrow();
  }, 120_000);

  it('uses DATABASE_URL as given when one is set', async () => {
    const local = await openLocalDatabase({ databaseUrl: 'postgres://u@db.example:5432/x', dataDir: dir });
    expect(local).toMatchObject({ url: 'postgres://u@db.example:5432/x', description: 'DATABASE_URL' });
  });

  it('finds a port nobody listens on', async () => {
    const port = await freePort();
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    await new Promise((resolve) => server.close(resolve));
  });
});
