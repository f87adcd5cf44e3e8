import { type ReadModelDatabase, readCheckpoint } from '@benvung/projections';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { HttpProblem } from '../plugins/problem.js';

const MAX_WAIT_MS = 10_000;
const DEFAULT_WAIT_MS = 3_000;

/**
 * Read-your-writes: a command answers with the global position of its events; a read that sends it
 * back (`X-Wait-For-Position`) waits until the projection behind the read has passed it — a bounded
 * wait, then 503 with Retry-After.
 */
export async function waitForProjection(
  app: FastifyInstance,
  request: FastifyRequest,
  projection: string,
  /** A shorter bound than the caller's, for a read that has somewhere else to turn (the stream). */
  options: {
    maxWaitMs?: number;
    /** Where the read will run (a replica lags behind the primary): the checkpoint is read there. */
    db?: Kysely<ReadModelDatabase>;
  } = {},
): Promise<void> {
  const header = request.headers['x-wait-for-position'];
  if (header === undefined) return;
  const target = String(header);
  const invalid = () =>
    new HttpProblem(
      400,
      'INVALID_POSITION',
      'Invalid position',
      'X-Wait-For-Position must be a position a command returned',
    );
  try {
    app.deps.store.comparePositions(target, target);
  } catch {
    throw invalid();
  }
  // A position past the end of the log was never returned by a command: waiting for it is a mistake.
  const head = await app.deps.store.headPosition();
  if (!target || head === undefined || app.deps.store.comparePositions(target, head) > 0) throw invalid();
  const timeoutHeader = Number(request.headers['x-wait-timeout-ms'] ?? DEFAULT_WAIT_MS);
  const asked = Number.isFinite(timeoutHeader) ? Math.min(Math.max(timeoutHeader, 0), MAX_WAIT_MS) : DEFAULT_WAIT_MS;
  const timeout = Math.min(asked, options.maxWaitMs ?? MAX_WAIT_MS);
  const deadline = Date.now() + timeout;
  for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
    const checkpoint = await readCheckpoint(options.db ?? app.deps.readModels, projection);
    if (checkpoint !== undefined && app.deps.store.comparePositions(checkpoint, target) >= 0) return;
    if (Date.now() >= deadline) break;
    await new Promise((r) => setTimeout(r, delay));
  }
  throw new HttpProblem(
    503,
    'NOT_YET_PROJECTED',
    'Not projected yet',
    `${projection} has not reached ${target} within ${timeout} ms`,
    {
      retryAfterSeconds: 1,
    },
  );
}
