import type pg from 'pg';

/**
 * How long a query waits for a connection before failing. Without a bound, requests queue without end
 * behind a server that does not answer (a network partition drops packets instead of refusing them);
 * with it they fail with an error the gateway answers as 503.
 */
export const POOL_CONNECT_TIMEOUT_MS = 10_000;

/**
 * Makes a broken connection an error of the query that used it, never a crash. A pg client whose
 * socket dies emits 'error', and an 'error' event without a listener ends the process. pg-pool
 * listens only while a client sits idle in the pool: a client checked out — a kysely query or
 * transaction, the connection holding an idempotency lock — has no listener, so a backend terminated
 * or a server stopped under load killed the process. Every client gets a listener of its own when it
 * is created; the failure still reaches the query in flight (it rejects) and pg-pool drops the client
 * on release because it is no longer queryable, so the next query opens a fresh connection.
 */
export function guardPool(pool: pg.Pool, onError: (err: Error) => void = () => {}): pg.Pool {
  // pg-pool re-emits an idle client's error on the pool: report each error once.
  const reported = new WeakSet<Error>();
  const report = (err: Error) => {
    if (reported.has(err)) return;
    reported.add(err);
    onError(err);
  };
  pool.on('error', report);
  pool.on('connect', (client) => client.on('error', report));
  return pool;
}
