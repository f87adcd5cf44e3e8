import { sql, type Transaction } from 'kysely';
import type { ReadModelDatabase } from '../tables/database.js';

/**
 * Lets this transaction commit without waiting for its WAL to reach disk. Read models are derived
 * from the log: a server crash can lose only the last few such commits, each whole with its
 * checkpoint (a batch's rows and its checkpoint commit together), and the projector replays them
 * from the log. A later durable commit (an append) flushes the WAL before it, so nothing durable
 * ever follows a lost batch. Waiting for the flush made every projector batch queue behind the
 * appends' own flushes on the same disk.
 */
export async function commitWithoutFlushWait(trx: Transaction<ReadModelDatabase>): Promise<void> {
  await sql`SET LOCAL synchronous_commit = off`.execute(trx);
}
