import { decodeHouseholdEnvelope, evolve, type HouseholdState, householdStreamId, initialState } from '@benvung/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertHouseholdInScope, loadHouseholdInScope } from '../application/household-access.js';
import { householdCoverage } from '../application/log-coverage.js';
import { stateView } from '../application/state-view.js';
import { recordAccess } from '../persistence/access-log.js';
import { HttpProblem } from '../plugins/problem.js';
import { ProblemSchema } from './schemas.js';

const Params = z.object({ id: z.uuid().describe('The household id') });
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const readers = ['case_worker', 'supervisor', 'auditor'] as const;

const HistoryEvent = z.object({
  eventId: z.string().describe('The event id (corrections name it)'),
  version: z.number().int().describe('Position in the household’s stream, from 1'),
  type: z.string().describe('Event type, e.g. HouseholdRegistered, HouseholdAssessed, LoanGranted'),
  schemaVersion: z.number().int().describe('Version of the event’s data schema'),
  data: z.record(z.string(), z.unknown()).describe('What happened (no personal data)'),
  personal: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe('The personal part (names, ID numbers); null once erased'),
  metadata: z
    .record(z.string(), z.unknown())
    .describe('Who recorded it (actor, role), the request and Idempotency-Key it came with'),
  occurredAt: z.string().describe('Business time: when it happened'),
  recordedAt: z.string().describe('When it was recorded'),
  position: z.string().describe('Global position in the event log'),
  hash: z.string().describe('Hash chaining this event to the one before'),
  personalDigest: z.string().nullable().describe('Digest of the personal part, kept after erasure'),
});

const HistoryPage = z.object({
  householdId: z.uuid(),
  events: z.array(HistoryEvent),
  /** Version to pass as fromVersion for the next page; absent on the last page. */
  nextFromVersion: z.number().int().optional(),
});

const StateQuery = z
  .object({
    asOf: z
      .union([z.iso.date(), z.iso.datetime({ offset: true })])
      .optional()
      .describe('Business time to replay to: a date (its end) or a date-time; not with version'),
    version: z.coerce.number().int().min(1).optional().describe('Version to replay to; not with asOf'),
  })
  .strict();

const Verification = z.object({
  householdId: z.uuid(),
  valid: z
    .boolean()
    .describe(
      'Whether every hash matches, the events reach the recorded head, and every covered event is in the signed log',
    ),
  events: z.number().int().describe('Events checked'),
  firstInvalidVersion: z.number().int().optional().describe('The first event that does not match'),
  reason: z.string().optional().describe('What does not match there'),
  head: z
    .object({ version: z.number().int(), hash: z.string() })
    .optional()
    .describe('The stream’s last version and hash as recorded beside it when it was appended'),
  checkpoint: z
    .object({
      treeSize: z.number().int().describe('Events of the whole log the checkpoint covers'),
      signedAt: z.string().describe('When it was signed'),
      keyId: z.string().describe('Which key signed it (first 16 hex digits of SHA-256 of the public key)'),
      signatureValid: z.boolean().describe('Signed with this service’s configured key'),
      covered: z.number().int().describe('Events of this household it covers'),
      proven: z.number().int().describe('Of those, how many reach its signed root'),
      notYetCovered: z.number().int().describe('Events recorded after it (the next checkpoint covers them)'),
      firstUnprovenVersion: z.number().int().optional().describe('The first covered event whose proof fails'),
    })
    .nullable()
    .describe('The household held against the latest signed checkpoint of the log; null before the first'),
});

/** Auditor replay: paged history with metadata and hashes, state as of a time or version, chain check. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const logAccess = (
    request: { actor: { id: string; role: string }; id: string },
    householdId: string,
    action: 'history' | 'state' | 'verify',
  ) =>
    recordAccess(app.deps.db, {
      actor_id: request.actor.id,
      actor_role: request.actor.role,
      household_id: householdId,
      action,
      request_id: request.id,
    });

  app.get(
    '/v1/households/:id/history',
    {
      config: { roles: readers },
      schema: {
        tags: ['audit'],
        operationId: 'getHouseholdHistory',
        summary: 'The events of a household, with metadata and hashes, paged by version',
        params: Params,
        querystring: z
          .object({
            fromVersion: z.coerce.number().int().min(1).default(1).describe('First version of the page'),
            limit: z.coerce.number().int().min(1).max(500).default(100).describe('Events per page, 1–500'),
          })
          .strict(),
        response: { 200: HistoryPage, ...errors },
      },
    },
    async (request) => {
      const version = await assertHouseholdInScope(app, request, request.params.id);
      await logAccess(request, request.params.id, 'history');
      const { fromVersion, limit } = request.query;
      const page = await app.deps.store.readStream(householdStreamId(request.params.id), {
        fromVersion,
        maxCount: limit,
      });
      const last = page.at(-1);
      return {
        householdId: request.params.id,
        events: page.map((e) => ({
          eventId: e.eventId,
          version: e.version,
          type: e.type,
          schemaVersion: e.schemaVersion,
          data: e.data,
          personal: e.personal,
          metadata: e.metadata,
          occurredAt: e.occurredAt.toISOString(),
          recordedAt: e.recordedAt.toISOString(),
          position: e.position,
          hash: e.hash,
          personalDigest: e.personalDigest,
        })),
        ...(last && last.version < version ? { nextFromVersion: last.version + 1 } : {}),
      };
    },
  );

  app.get(
    '/v1/households/:id/state',
    {
      config: { roles: readers },
      schema: {
        tags: ['audit'],
        operationId: 'replayHousehold',
        summary: 'The household replayed to a time (asOf, business time) or a version, with the write side’s evolve',
        params: Params,
        querystring: StateQuery,
        response: {
          200: z.object({
            householdId: z.uuid(),
            version: z.number().int().describe('The last version applied'),
            asOf: z.string().optional().describe('The asOf asked for'),
            state: z.record(z.string(), z.unknown()).describe('The household’s state as the decider saw it then'),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { events } = await loadHouseholdInScope(app, request, request.params.id);
      await logAccess(request, request.params.id, 'state');
      const { asOf, version } = request.query;
      if (asOf && version)
        throw new HttpProblem(400, 'VALIDATION_FAILED', 'Choose one', 'give asOf or version, not both');
      const cutoff = asOf ? new Date(asOf.length === 10 ? `${asOf}T23:59:59.999Z` : asOf) : undefined;
      let state: HouseholdState = initialState();
      let reached = 0;
      for (const e of events) {
        if (version !== undefined && e.version > version) break;
        if (cutoff && e.occurredAt > cutoff) break;
        state = evolve(state, decodeHouseholdEnvelope(e));
        reached = e.version;
      }
      if (reached === 0)
        throw new HttpProblem(
          404,
          'NO_STATE_AT_THAT_POINT',
          'Not registered yet',
          'the household had no events by then',
        );
      return {
        householdId: request.params.id,
        version: reached,
        ...(asOf ? { asOf } : {}),
        state: stateView(state),
      };
    },
  );

  app.get(
    '/v1/households/:id/verify',
    {
      config: { roles: readers },
      schema: {
        tags: ['audit'],
        operationId: 'verifyHouseholdChain',
        summary: 'Recompute every hash of the household’s chain; names the first event that does not match',
        params: Params,
        response: { 200: Verification, ...errors },
      },
    },
    async (request) => {
      await assertHouseholdInScope(app, request, request.params.id);
      await logAccess(request, request.params.id, 'verify');
      const result = await app.deps.store.verifyStream(householdStreamId(request.params.id));
      const checkpoint = app.deps.log ? await householdCoverage(app.deps.log, request.params.id) : null;
      const unproven = checkpoint && (!checkpoint.signatureValid || checkpoint.proven < checkpoint.covered);
      if (result.valid && checkpoint && unproven) {
        return {
          householdId: request.params.id,
          ...result,
          valid: false,
          ...(checkpoint.firstUnprovenVersion ? { firstInvalidVersion: checkpoint.firstUnprovenVersion } : {}),
          reason: checkpoint.signatureValid
            ? 'the history as stored is not the one the signed checkpoint covers'
            : 'the latest checkpoint is not signed with this service’s key',
          checkpoint,
        };
      }
      return { householdId: request.params.id, ...result, checkpoint };
    },
  );
};
