import type pg from 'pg';

/**
 * Fresh planner statistics on es_events: after a bulk load, and before replaying the whole log.
 * Without them, a read of the log filtered by type is planned as a bitmap scan of the type index plus
 * a sort of every match — on a million events, 0.6–3.4 s a page instead of milliseconds along the
 * position index. ANALYZE samples a fixed number of rows: about a second at any size.
 */
export async function analyzeEventLog(pool: pg.Pool): Promise<void> {
  await pool.query('ANALYZE es_events');
}

/**
 * Analyses es_events when it holds events but the planner has no statistics on it: a log loaded in
 * bulk on a server with autovacuum off (or before autovacuum came round), which a projector catching
 * up would otherwise crawl through. Returns whether it analysed.
 */
export async function ensureLogStatistics(pool: pg.Pool): Promise<boolean> {
  const result = await pool.query<{ missing: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM es_events)
        AND NOT EXISTS (SELECT 1 FROM pg_stats
                        WHERE schemaname = current_schema() AND tablename = 'es_events' AND attname = 'type')
        AS missing`,
  );
  if (!result.rows[0]?.missing) return false;
  await analyzeEventLog(pool);
  return true;
}
