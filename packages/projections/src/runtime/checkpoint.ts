import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { ReadModelDatabase } from '../tables/database.js';

export async function readCheckpoint(db: Kysely<ReadModelDatabase>, name: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('projection_checkpoint')
    .select('position')
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.position ?? undefined;
}

/**
 * Locks the projection's checkpoint row for this transaction and returns its position. Two workers
 * running the same projection serialise here; the one that finds the checkpoint moved gives way.
 */
export async function lockCheckpoint(trx: Transaction<ReadModelDatabase>, name: string): Promise<string | undefined> {
  const lock = () =>
    trx.selectFrom('projection_checkpoint').select('position').where('name', '=', name).forUpdate().executeTakeFirst();
  // The row exists after a projection's first batch: lock it in one round trip, create it only once.
  let row = await lock();
  if (!row) {
    await trx
      .insertInto('projection_checkpoint')
      .values({ name, position: null, events_processed: '0' })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    row = await lock();
  }
  return row?.position ?? undefined;
}

export async function saveCheckpoint(
  trx: Transaction<ReadModelDatabase>,
  name: string,
  position: string | undefined,
  processed: number,
): Promise<void> {
  await trx
    .updateTable('projection_checkpoint')
    .set({
      position: position ?? null,
      events_processed: sql<string>`events_processed + ${processed}`,
      updated_at: sql<Date>`now()`,
    })
    .where('name', '=', name)
    .execute();
}
