import { createHash } from 'node:crypto';
import type { AdminUnit } from '@benvung/domain';
import { type Kysely, sql } from 'kysely';
import { type BulkTable, insertStatement } from '../sql/bulk.js';
import type { ReadModelDatabase } from '../tables/database.js';
import type { NewUnits } from '../tables/units.js';

const UNITS: BulkTable<NewUnits> = {
  table: 'units',
  key: ['code', 'valid_from'],
  columns: [
    ['code', 'text'],
    ['valid_from', 'date'],
    ['valid_to', 'date'],
    ['level', 'text'],
    ['kind', 'text'],
    ['name', 'text'],
    ['parent_code', 'text'],
    ['demo', 'boolean'],
  ],
};

const row = (u: AdminUnit): NewUnits => ({
  code: u.code,
  valid_from: u.validFrom ?? '0001-01-01',
  valid_to: u.validTo ?? '9999-12-31',
  level: u.level,
  kind: u.kind ?? null,
  name: u.name,
  parent_code: u.parentCode ?? null,
  demo: u.demo ?? false,
});

/**
 * Makes the `units` table hold exactly the registry's unit versions, in one transaction (readers see
 * the old list or the new one). Skipped when the registry is the one last written (its digest).
 * Answers whether anything was written.
 */
export async function syncUnitsTable(db: Kysely<ReadModelDatabase>, units: readonly AdminUnit[]): Promise<boolean> {
  const rows = units.map(row);
  const digest = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  return db.transaction().execute(async (trx) => {
    // One writer at a time (several services may start together).
    await sql`SELECT pg_advisory_xact_lock(hashtext('benvung units table'))`.execute(trx);
    const current = await trx.selectFrom('units_loaded').select('digest').where('id', '=', 1).executeTakeFirst();
    if (current?.digest === digest) return false;
    await sql`DELETE FROM units`.execute(trx);
    for (let i = 0; i < rows.length; i += 5_000) await insertStatement(UNITS, rows.slice(i, i + 5_000)).execute(trx);
    await trx
      .insertInto('units_loaded')
      .values({ id: 1, digest, loaded_at: new Date() })
      .onConflict((oc) => oc.column('id').doUpdateSet({ digest, loaded_at: new Date() }))
      .execute();
    return true;
  });
}
