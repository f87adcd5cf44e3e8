import { randomUUID } from 'node:crypto';
import { periodicRoundId, regularRoundId } from '@benvung/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { commandHeaders, idFromKey } from '../application/command-response.js';
import { assertUnitsNamable } from '../application/named-units.js';
import { completeDecision } from '../application/review-rounds/decision-completion.js';
import { listRounds } from '../application/review-rounds/list-rounds.js';
import { roundInScope } from '../application/review-rounds/round-access.js';
import { runRoundCommand } from '../application/review-rounds/round-commands.js';
import { loadRound } from '../application/review-rounds/round-store.js';
import { roundView } from '../application/review-rounds/round-view.js';
import { today } from '../application/today.js';
import { inScope, unitOutOfScope } from '../application/unit-scope.js';
import { CommandHeaders } from '../openapi/headers.js';
import {
  ListRoundsQuery,
  OpenRoundBody,
  RoundAccepted,
  RoundDetail,
  RoundParams,
  RoundSummary,
  roundErrors,
} from './review-round-schemas.js';
import { ProblemSchema } from './schemas.js';

const readers = ['case_worker', 'supervisor', 'auditor'] as const;
const readErrors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

/** Review rounds: open one, list them, read one with its progress. The steps are in review-round-steps.ts. */
export const reviewRoundRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/v1/review-rounds',
    {
      config: { roles: ['supervisor'] },
      schema: {
        tags: ['review-rounds'],
        operationId: 'openReviewRound',
        summary: 'Open a review round for a commune and list year',
        description:
          'A periodic round (rà soát định kỳ) has the id periodic-<commune>-<list year>: a commune has one per ' +
          'list year (a second answers 409 ROUND_ALREADY_OPEN). It opens from 1 September to 14 December of ' +
          'the year before its lists, or outside that window with windowOverrideReason. A regular round ' +
          '(thường xuyên) decides the lists of the year it opens in and gets a new id (from the ' +
          'Idempotency-Key when one is sent). Supervisors only.',
        headers: CommandHeaders,
        body: OpenRoundBody,
        responseHeaders: { 201: ['ETag', 'Location', 'IdempotentReplayed'] },
        response: { 201: RoundAccepted, ...roundErrors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      assertUnitsNamable([body.unitCode], request.units, app.units, app.geography.covers);
      const key = commandHeaders(request).idempotencyKey;
      const roundId =
        body.kind === 'periodic'
          ? periodicRoundId(body.unitCode, body.listYear)
          : regularRoundId(key ? idFromKey(request.actor.id, key) : randomUUID());
      const openedOn = body.openedOn ?? today();
      await runRoundCommand(app, request, reply, {
        existing: false,
        occurredOn: openedOn,
        location: `/v1/review-rounds/${roundId}`,
        command: {
          type: 'OpenReviewRound',
          roundId,
          kind: body.kind,
          unitCode: body.unitCode,
          listYear: body.listYear,
          openedOn,
          ...(body.document !== undefined ? { document: body.document } : {}),
          ...(body.windowOverrideReason !== undefined ? { windowOverrideReason: body.windowOverrideReason } : {}),
        },
      });
    },
  );

  app.get(
    '/v1/review-rounds',
    {
      config: { roles: readers },
      schema: {
        tags: ['review-rounds'],
        operationId: 'listReviewRounds',
        summary: 'Review rounds of your units, newest list year first',
        querystring: ListRoundsQuery,
        response: { 200: z.object({ rounds: z.array(RoundSummary).describe('The rounds') }), ...readErrors },
      },
    },
    async (request) => {
      const { unitCode, listYear, kind, limit } = request.query;
      const covers = app.geography.covers;
      if (unitCode !== undefined && !inScope(request.units, unitCode, covers)) throw unitOutOfScope(unitCode);
      const rounds = await listRounds(
        app.deps.store,
        {
          visible: (code) => inScope(request.units, code, covers),
          ...(unitCode !== undefined
            ? { unitCode: (code: string) => code === unitCode || covers(unitCode, code) }
            : {}),
          ...(listYear !== undefined ? { listYear } : {}),
          ...(kind !== undefined ? { kind } : {}),
        },
        limit,
      );
      return { rounds };
    },
  );

  app.get(
    '/v1/review-rounds/:id',
    {
      config: { roles: readers },
      schema: {
        tags: ['review-rounds'],
        operationId: 'getReviewRound',
        summary: 'A review round: its progress per village and household, its steps and its decision',
        description:
          'Read from the round’s own stream, so as current as the last step. Once decided, it says how many ' +
          'households have their review recorded; a decision not yet applied to every household (the ' +
          'gateway stopped while applying it) is completed by this read.',
        params: RoundParams,
        responseHeaders: { 200: ['ETag'] },
        response: { 200: RoundDetail, ...readErrors },
      },
    },
    async (request, reply) => {
      const roundId = request.params.id;
      let loaded = await loadRound(app.deps.store, roundId);
      let round = roundInScope(app, request, roundId, loaded.state);
      const application = round.decision && !round.applied ? await completeDecision(app, roundId) : undefined;
      if (application) {
        loaded = await loadRound(app.deps.store, roundId);
        round = roundInScope(app, request, roundId, loaded.state);
      }
      reply.header('etag', `"${loaded.version}"`);
      return roundView(round, loaded.recorded, application);
    },
  );
};
