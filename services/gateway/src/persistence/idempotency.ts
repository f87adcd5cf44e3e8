import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { GatewayDb } from './tables.js';

export interface StoredResponse {
  statusCode: number;
  body: unknown;
  /** Lower-case names (etag, location). */
  headers: Record<string, string>;
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest('hex');
}

export async function findIdempotentResponse(
  db: GatewayDb,
  actorId: string,
  key: string,
): Promise<{ requestHash: string; response: StoredResponse } | undefined> {
  const row = await db
    .selectFrom('idempotency_key')
    .select(['request_hash', 'status_code', 'response', 'response_headers'])
    .where('actor_id', '=', actorId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row
    ? {
        requestHash: row.request_hash,
        response: { statusCode: row.status_code, body: row.response, headers: row.response_headers },
      }
    : undefined;
}

/** Keeps the first response for the key; a concurrent duplicate finds the row already there. */
export async function saveIdempotentResponse(
  db: GatewayDb,
  actorId: string,
  key: string,
  hash: string,
  response: StoredResponse,
): Promise<void> {
  await db
    .insertInto('idempotency_key')
    .values({
      actor_id: actorId,
      key,
      request_hash: hash,
      status_code: response.statusCode,
      response: JSON.stringify(response.body),
      response_headers: JSON.stringify(response.headers),
    })
    .onConflict((oc) => oc.columns(['actor_id', 'key']).doNothing())
    .execute();
}

/**
 * Forgets the stored responses of commands on a household whose personal data is erased: a response
 * names no one today, but its request hash is over a body that did (a registration's head), and
 * nothing of the household's personal data should outlive the erasure. A retry of such a command then
 * runs again, and is answered from the events it stored (see stored-attempt.ts), without names.
 */
export async function forgetHouseholdResponses(db: GatewayDb, householdId: string): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_key')
    .where(sql<string>`response->>'householdId'`, '=', householdId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
