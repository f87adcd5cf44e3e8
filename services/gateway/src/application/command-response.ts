import { ConcurrencyError, IdempotencyConflictError } from '@benvung/event-store';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { v5 as uuidv5 } from 'uuid';
import {
  findIdempotentResponse,
  requestHash,
  type StoredResponse,
  saveIdempotentResponse,
} from '../persistence/idempotency.js';
import type { GatewayDb } from '../persistence/tables.js';
import { HttpProblem } from '../plugins/problem.js';

/** Namespace of event ids derived from Idempotency-Keys. */
const EVENT_ID_NAMESPACE = '0b8f3f9e-52a4-4c59-9d0b-6c1c5f1d8a11';

/** A stable id derived from the caller and their Idempotency-Key (UUID v5). */
export function idFromKey(actorId: string, key: string, index = 0): string {
  return uuidv5(`${actorId}\n${key}\n${index}`, EVENT_ID_NAMESPACE);
}

export interface CommandHeaders {
  /** From If-Match: the version the caller decided on. */
  expectedVersion: number | undefined;
  idempotencyKey: string | undefined;
}

/** Reads If-Match ("<version>") and Idempotency-Key, refusing malformed values with 400. */
export function commandHeaders(request: FastifyRequest): CommandHeaders {
  const ifMatch = request.headers['if-match'];
  let expectedVersion: number | undefined;
  if (ifMatch !== undefined) {
    const m = /^(?:W\/)?"(\d{1,9})"$/.exec(String(ifMatch).trim());
    if (!m?.[1])
      throw new HttpProblem(400, 'INVALID_IF_MATCH', 'Invalid If-Match', 'If-Match must be an ETag like "3"');
    expectedVersion = Number(m[1]);
  }
  const key = request.headers['idempotency-key'];
  if (key !== undefined && (typeof key !== 'string' || !/^[\w.:-]{1,200}$/.test(key))) {
    throw new HttpProblem(
      400,
      'INVALID_IDEMPOTENCY_KEY',
      'Invalid Idempotency-Key',
      'use 1–200 letters, digits, . _ : -',
    );
  }
  return { expectedVersion, idempotencyKey: key };
}

export interface CommandOutcome {
  statusCode: number;
  body: unknown;
  version: number;
  location?: string;
}

/** What the HTTP protocol gives a command: If-Match's version; an Idempotency-Key's event ids and key. */
type CommandRun = (ctx: {
  expectedVersion?: number;
  eventId?: (i: number) => string;
  idempotencyKey?: string;
}) => Promise<CommandOutcome>;

/**
 * Runs a household command with the HTTP protocol around it: If-Match makes it conditional (412),
 * an Idempotency-Key replays the first response and appends nothing (same key, other body: 422).
 */
export async function respondToCommand(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  run: CommandRun,
): Promise<FastifyReply> {
  const { expectedVersion, idempotencyKey } = commandHeaders(request);
  if (!idempotencyKey) return execute(app.deps.db, request, reply, run, expectedVersion, undefined);
  const actorId = request.actor.id;
  const hash = requestHash(request.method, request.url, request.body);
  // Requests with the same key run one at a time (a session advisory lock held on one pooled
  // connection), so a duplicate waits for the first and then replays its stored response.
  const lockKey = `${actorId}\n${idempotencyKey}`;
  return app.deps.db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(hashtextextended(${lockKey}, 0))`.execute(conn);
    try {
      const found = await findIdempotentResponse(conn, actorId, idempotencyKey);
      if (found && found.requestHash !== hash) {
        throw new HttpProblem(
          422,
          'IDEMPOTENCY_KEY_REUSED',
          'Idempotency-Key reused',
          'this key was used with another request',
        );
      }
      if (found) {
        return reply
          .status(found.response.statusCode)
          .headers(replayedHeaders(found.response))
          .header('idempotent-replayed', 'true')
          .send(found.response.body);
      }
      return await execute(conn, request, reply, run, expectedVersion, { key: idempotencyKey, hash });
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtextextended(${lockKey}, 0))`.execute(conn);
    }
  });
}

/** `db` is the connection holding the idempotency lock, so waiting duplicates cannot starve it. */
async function execute(
  db: GatewayDb,
  request: FastifyRequest,
  reply: FastifyReply,
  run: CommandRun,
  expectedVersion: number | undefined,
  idempotency: { key: string; hash: string } | undefined,
): Promise<FastifyReply> {
  const actorId = request.actor.id;
  let outcome: CommandOutcome;
  try {
    outcome = await run({
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
      // The key also goes into the events' metadata: an auditor sees which retried request made them.
      ...(idempotency
        ? { eventId: (i: number) => idFromKey(actorId, idempotency.key, i + 1), idempotencyKey: idempotency.key }
        : {}),
    });
  } catch (err) {
    if (err instanceof ConcurrencyError && expectedVersion !== undefined) {
      throw new HttpProblem(
        412,
        'PRECONDITION_FAILED',
        'The household has changed',
        `If-Match "${expectedVersion}" but the household is at version ${err.actual}`,
        { expectedVersion, currentVersion: err.actual },
      );
    }
    if (err instanceof IdempotencyConflictError) {
      // The events of this key were appended before with other content (e.g. by another gateway).
      throw new HttpProblem(409, 'IDEMPOTENCY_CONFLICT', 'Conflicting retry', 'this key already produced other events');
    }
    throw err;
  }
  const headers: Record<string, string> = {
    etag: `"${outcome.version}"`,
    ...(outcome.location ? { location: outcome.location } : {}),
  };
  if (idempotency) {
    await saveIdempotentResponse(db, actorId, idempotency.key, idempotency.hash, {
      statusCode: outcome.statusCode,
      body: outcome.body,
      headers,
    });
  }
  return reply.status(outcome.statusCode).headers(headers).send(outcome.body);
}

/**
 * The headers a replay answers with: those of the first response. A response stored before headers
 * were kept has them in its body: every command answers its version, a registration its household.
 */
function replayedHeaders(response: StoredResponse): Record<string, string> {
  if (Object.keys(response.headers).length > 0) return response.headers;
  const body = (response.body ?? {}) as { version?: unknown; householdId?: unknown };
  const isRegistration = body.version === 1 && typeof body.householdId === 'string' && !('events' in body);
  return {
    ...(typeof body.version === 'number' ? { etag: `"${body.version}"` } : {}),
    ...(isRegistration ? { location: `/v1/households/${body.householdId}` } : {}),
  };
}
