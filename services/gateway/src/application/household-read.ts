import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HouseholdStatusView } from '../persistence/household-status-reader.js';
import { HttpProblem } from '../plugins/problem.js';
import { householdFromStream } from './household-from-stream.js';
import { waitForProjection } from './read-your-writes.js';
import { householdNotFound, inScope } from './unit-scope.js';

/**
 * How long a read of one household waits for the read model to reach X-Wait-For-Position before it
 * folds the household from its stream instead: the projector is usually there within milliseconds,
 * and a stream read costs more than a row but much less than a client waiting seconds.
 */
const STREAM_AFTER_MS = 200;

export type ReadSource = 'read-model' | 'stream';

/**
 * One household as GET /v1/households/{id} shows it. The read model answers when it has the household
 * (and has reached the position the caller waits for); otherwise the household's stream does, so a
 * household whose registration committed is never "not found" while the projection lags. Outside
 * the caller's units it is not found either way.
 */
export async function readHousehold(
  app: FastifyInstance,
  request: FastifyRequest,
  householdId: string,
  readRow: (householdId: string) => Promise<HouseholdStatusView | undefined>,
): Promise<{ view: HouseholdStatusView; source: ReadSource }> {
  let behind = false;
  try {
    await waitForProjection(app, request, 'household_status', { maxWaitMs: STREAM_AFTER_MS });
  } catch (err) {
    if (!(err instanceof HttpProblem) || err.code !== 'NOT_YET_PROJECTED') throw err;
    behind = true;
  }
  // Behind the caller's position, the row may be older than what they wrote: only the stream will do.
  const row = behind ? undefined : await readRow(householdId);
  const view = row ?? (await householdFromStream(app.deps.store, householdId));
  // An admin opens any household (to erase its personal data on request); the others those of their units.
  const visible =
    view && (request.actor.role === 'admin' || inScope(request.units, view.unit_code, app.geography.covers));
  if (!view || !visible) throw householdNotFound();
  return { view, source: row ? 'read-model' : 'stream' };
}
