import {
  createReadModelDb,
  migrateReadModels,
  type ReadModelDatabase,
  type RelapseEpisodesRow,
} from '@benvung/projections';
import { createTestDatabase, type TestDatabase } from '@benvung/testkit';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countEpisodes, type EpisodeFilter, pageEpisodes } from '../src/application/analytics/episode-query.js';

let database: TestDatabase;
let db: Kysely<ReadModelDatabase>;

const episode = (n: number, relapse: string | null, closed: string | null): RelapseEpisodesRow => ({
  household_id: `00000000-0000-4000-8000-00000000000${n}`,
  escape_event_id: `10000000-0000-4000-8000-00000000000${n}`,
  escape_date: '2023-01-01',
  escape_from: 'poor',
  escape_to: 'non_poor',
  relapse_poor_date: relapse,
  relapse_listed_date: relapse,
  closed_date: closed,
  support_kinds: 'none',
  area: 'rural',
  unit_code: '96101',
  province_then: '96',
  province_now: '96',
  unit_code_now: '96101',
  cohort: 2023,
  head_ethnicity: null,
});

beforeAll(async () => {
  database = await createTestDatabase('episode_query');
  db = createReadModelDb(database.url);
  await migrateReadModels(db);
  await db
    .insertInto('relapse_episodes')
    .values([
      episode(1, '2024-01-01', null), // relapsed
      episode(2, '2024-01-01', '2023-07-01'), // closed before the relapse: censored at the closure
      episode(3, null, null), // nothing happened: censored at asOf
      episode(4, '2023-03-01', '2023-06-01'), // relapsed, then closed
      episode(5, '2026-01-01', null), // relapse after asOf: censored at asOf
    ])
    .execute();
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe('relapse episodes for analytics', () => {
  const filter: EpisodeFilter = { definition: 'poor', asOf: '2025-01-01', unitCodes: undefined };

  it('end at the relapse unless the household was closed first, else are censored at the closure or asOf', async () => {
    const rows = await pageEpisodes(db, filter, undefined, 100);
    expect(rows.map((r) => [r.end_date, r.relapsed, r.time_days])).toEqual([
      ['2024-01-01', true, 365],
      ['2023-07-01', false, 181],
      ['2025-01-01', false, 731],
      ['2023-03-01', true, 59],
      ['2025-01-01', false, 731],
    ]);
  });

  it('counted for survival exactly as exported', async () => {
    const rows = await pageEpisodes(db, filter, undefined, 100);
    const fromRows = new Map<string, number>();
    for (const r of rows) {
      const key = `${r.time_days}/${r.relapsed}`;
      fromRows.set(key, (fromRows.get(key) ?? 0) + 1);
    }
    const counts = await countEpisodes(db, filter, 'none');
    expect(new Map(counts.map((c) => [`${c.time}/${c.event}`, c.count]))).toEqual(fromRows);
  });
});
