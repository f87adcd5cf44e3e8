import pg from 'pg';
import type { EventToAppend, ExpectedVersion } from '../../src/port.js';
import { appendQuery } from '../../src/postgres/append-statement.js';
import { prepareEvents } from '../../src/prepare.js';
import type { HeldAppend } from '../contract/harness.js';

/**
 * The store's own append statement, run in a raw transaction that stays open: the transaction id is
 * taken now, the commit comes when the test says — after later transactions have committed.
 */
export async function heldAppend(
  url: string,
  streamId: string,
  events: EventToAppend[],
  expected: ExpectedVersion,
): Promise<HeldAppend> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const end = async (statement: 'COMMIT' | 'ROLLBACK') => {
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  try {
    await client.query('BEGIN');
    const { text, values } = appendQuery(streamId, expected, prepareEvents(streamId, events));
    const result = await client.query(text, values);
    if (result.rowCount !== events.length) throw new Error(`held append to ${streamId} was refused`);
  } catch (err) {
    await end('ROLLBACK').catch(() => {});
    throw err;
  }
  return { commit: () => end('COMMIT'), rollback: () => end('ROLLBACK') };
}
