import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { containerRuntimeAvailable, createTestDatabase } from '../src/index.js';

describe('createTestDatabase', () => {
  it('gives each caller an isolated, working database and drops it', async () => {
    const a = await createTestDatabase('iso');
    const b = await createTestDatabase('iso');
    expect(a.name).not.toBe(b.name);
    const ca = new pg.Client({ connectionString: a.url });
    const cb = new pg.Client({ connectionString: b.url });
    await Promise.all([ca.connect(), cb.connect()]);
    try {
      await ca.query('CREATE TABLE only_in_a (x int)');
      const inB = await cb.query("SELECT to_regclass('public.only_in_a') AS t");
      expect(inB.rows[0].t).toBeNull();
      const dbName = await ca.query('SELECT current_database() AS d');
      expect(dbName.rows[0].d).toBe(a.name);
    } finally {
      await Promise.all([ca.end(), cb.end()]);
    }
    await a.drop();
    await b.drop();
    const check = new pg.Client({ connectionString: a.url });
    await expect(check.connect()).rejects.toThrow(/does not exist/);
  });

  it('detects the container runtime quickly and consistently', async () => {
    const started = Date.now();
    const first = await containerRuntimeAvailable();
    const second = await containerRuntimeAvailable();
    expect(second).toBe(first);
    expect(Date.now() - started).toBeLessThan(3500);
  });
});
