import type pg from 'pg';

/**
 * The figures of a simulation's long phases (load, tree, rebuild), kept in the database they were
 * measured on. At full size they take about two hours: a run stopped after the tree (`--stop-after
 * tree`) or one whose later phases failed can go on from the same database (`--database URL`) without
 * writing 20 million events again, or replaying them, and still print every figure of the run.
 */
export interface LoadedLog {
  households: number;
  seed: number;
  communes: string;
  events: number;
  loadSeconds: number;
  treeSeconds: number;
  /** When the load finished (ISO 8601). */
  loadedAt: string;
  /** The rebuild of every projection, once it finished: a later run goes on from the measurements. */
  rebuild?: { events: number; seconds: number; eventsPerSecond: number; finishedAt: string };
}

const TABLE = 'simulate_loaded_log';

export async function recordLoadedLog(pool: pg.Pool, log: LoadedLog): Promise<void> {
  await pool.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (id int PRIMARY KEY CHECK (id = 1), figures jsonb NOT NULL)`);
  await pool.query(
    `INSERT INTO ${TABLE} (id, figures) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET figures = excluded.figures`,
    [JSON.stringify(log)],
  );
}

/**
 * The log this database already holds: undefined when it holds no event; an error when it holds events
 * no recorded load accounts for (another database, or a load that did not finish), or a load of
 * another population than the one asked for.
 */
export async function loadedLog(
  pool: pg.Pool,
  asked: Pick<LoadedLog, 'households' | 'seed' | 'communes'>,
): Promise<LoadedLog | undefined> {
  const any = await pool.query('SELECT 1 FROM es_events LIMIT 1');
  if (any.rowCount === 0) return undefined;
  const exists = await pool.query<{ t: string | null }>(`SELECT to_regclass($1) AS t`, [TABLE]);
  const row = exists.rows[0]?.t
    ? (await pool.query<{ figures: LoadedLog }>(`SELECT figures FROM ${TABLE} WHERE id = 1`)).rows[0]
    : undefined;
  if (!row) {
    throw new Error('the database holds events but no finished load of this simulation: give it an empty database');
  }
  const log = row.figures;
  if (log.households !== asked.households || log.seed !== asked.seed || log.communes !== asked.communes) {
    throw new Error(
      `the database holds ${log.households} households of seed ${log.seed} (${log.communes} communes), not ${asked.households} of seed ${asked.seed} (${asked.communes})`,
    );
  }
  return log;
}
