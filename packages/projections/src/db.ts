import { createPool, guardPool, POOL_CONNECT_TIMEOUT_MS } from '@benvung/event-store';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { ReadModelDatabase } from './tables/database.js';

const DATE_OID = 1082;

/**
 * A kysely instance over its own pool. Calendar dates stay 'YYYY-MM-DD' strings: turning them into
 * JS Dates at local midnight would shift them across time zones. A service adds tables of its own on
 * the same pool with kysely's `withTables`.
 */
export function createReadModelDb(
  connectionString: string,
  options: {
    max?: number;
    onPoolError?: (err: Error) => void;
    searchPath?: string;
    /** Called with every client the pool connects (a rebuild registers them for COPY: sql/copy.ts). */
    onConnect?: (client: pg.PoolClient) => void;
  } = {},
): Kysely<ReadModelDatabase> {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === DATE_OID
        ? (value: string) => value
        : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const pool = createPool(connectionString, {
    max: options.max ?? 10,
    connectionTimeoutMillis: POOL_CONNECT_TIMEOUT_MS,
    types,
    // A rebuild writes into a schema of its own by putting it first on every connection's path.
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  // kysely checks a client out for every query and transaction: a connection that breaks meanwhile
  // must fail that query, not end the process.
  guardPool(pool, options.onPoolError);
  if (options.onConnect) pool.on('connect', options.onConnect);
  return new Kysely<ReadModelDatabase>({ dialect: new PostgresDialect({ pool }) });
}
