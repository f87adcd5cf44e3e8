import { type Kysely, sql } from 'kysely';

/**
 * The headers of a command's first response (ETag, Location), so that a retry with the same
 * Idempotency-Key gets them back with the status and body. Rows from before stay `{}`: their replay
 * takes the ETag and Location from the body (see command-response.ts).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('idempotency_key')
    .addColumn('response_headers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('idempotency_key').dropColumn('response_headers').execute();
}
