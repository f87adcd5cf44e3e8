import { type OpenRound, roundStage } from '@benvung/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { checkApplicable } from '../application/review-rounds/apply-decision.js';
import { completeDecision } from '../application/review-rounds/decision-completion.js';
import { householdForSurvey, roundInScope } from '../application/review-rounds/round-access.js';
import { runRoundCommand } from '../application/review-rounds/round-commands.js';
import { loadRound } from '../application/review-rounds/round-store.js';
import { decisionFields } from '../application/review-rounds/round-view.js';
import { CommandHeaders } from '../openapi/headers.js';
import { HttpProblem } from '../plugins/problem.js';
import {
  ComplaintBody,
  DecisionAccepted,
  DecisionBody,
  MeetingBody,
  PostingBody,
  ResolutionBody,
  RoundAccepted,
  RoundParams,
  roundErrors,
  roundResponseHeaders,
  SurveyBody,
} from './review-round-schemas.js';

const workers = ['case_worker', 'supervisor'] as const;
const supervisors = ['supervisor'] as const;
const step = {
  tags: ['review-rounds'],
  headers: CommandHeaders,
  params: RoundParams,
  responseHeaders: roundResponseHeaders,
};

/** The decision as recorded, in the shape a repeated request would send it. */
const sameDecision = (
  round: OpenRound,
  body: { decisionNo: string; issuedOn: string; signer: string; document?: string | undefined },
) =>
  round.decision?.decisionNo === body.decisionNo &&
  round.decision.issuedOn === body.issuedOn &&
  round.decision.signer === body.signer &&
  round.decision.document === body.document;

/**
 * The steps of a round, each an event of the round with its date, who recorded it and its document:
 * surveys and village meetings (case workers), the posting, complaints (received by either, resolved
 * by supervisors) and the decision (supervisors). Only the decision changes households.
 */
export const reviewRoundStepRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/v1/review-rounds/:id/surveys',
    {
      config: { roles: workers },
      schema: {
        ...step,
        operationId: 'recordRoundSurvey',
        summary: 'Propose a household’s survey result in the round (not in force until the decision)',
        body: SurveyBody,
        response: { 201: RoundAccepted, ...roundErrors },
      },
    },
    async (request, reply) => {
      const { householdId, surveyedOn, applied, village, incomePerCapitaVnd, formScores, deprivations, document } =
        request.body;
      const facts = await householdForSurvey(app, request, householdId);
      const stated = village ?? facts.village;
      await runRoundCommand(app, request, reply, {
        existing: true,
        occurredOn: surveyedOn,
        command: {
          type: 'ProposeRoundReview',
          roundId: request.params.id,
          householdId,
          household: {
            unitCode: facts.unitCode,
            area: facts.area,
            ...(stated !== undefined ? { village: stated } : {}),
          },
          applied,
          surveyedOn,
          result: {
            ...(incomePerCapitaVnd !== undefined ? { incomePerCapitaVnd } : {}),
            ...(formScores !== undefined ? { formScores } : {}),
            deprivations,
          },
          ...(document !== undefined ? { document } : {}),
        },
      });
    },
  );

  app.post(
    '/v1/review-rounds/:id/meetings',
    {
      config: { roles: workers },
      schema: {
        ...step,
        operationId: 'recordVillageMeeting',
        summary: 'Record a village meeting (bình xét): agreed or changed, for each proposal of the village',
        body: MeetingBody,
        response: { 201: RoundAccepted, ...roundErrors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      await runRoundCommand(app, request, reply, {
        existing: true,
        occurredOn: body.heldOn,
        command: { type: 'HoldVillageMeeting', roundId: request.params.id, ...body },
      });
    },
  );

  app.post(
    '/v1/review-rounds/:id/postings',
    {
      config: { roles: supervisors },
      schema: {
        ...step,
        operationId: 'postRoundLists',
        summary: 'Record the public posting of the draft lists (niêm yết), from and to',
        body: PostingBody,
        response: { 201: RoundAccepted, ...roundErrors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      await runRoundCommand(app, request, reply, {
        existing: true,
        occurredOn: body.from,
        command: { type: 'PostRoundLists', roundId: request.params.id, ...body },
      });
    },
  );

  app.post(
    '/v1/review-rounds/:id/complaints',
    {
      config: { roles: workers },
      schema: {
        ...step,
        operationId: 'receiveRoundComplaint',
        summary: 'Record a complaint about a household’s posted result',
        body: ComplaintBody,
        response: { 201: RoundAccepted, ...roundErrors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      await runRoundCommand(app, request, reply, {
        existing: true,
        occurredOn: body.receivedOn,
        command: { type: 'ReceiveRoundComplaint', roundId: request.params.id, ...body },
      });
    },
  );

  app.post(
    '/v1/review-rounds/:id/complaint-resolutions',
    {
      config: { roles: supervisors },
      schema: {
        ...step,
        operationId: 'resolveRoundComplaint',
        summary: 'Resolve a household’s complaint: upheld with its new result, or rejected',
        body: ResolutionBody,
        response: { 201: RoundAccepted, ...roundErrors },
      },
    },
    async (request, reply) => {
      const { result, document, ...body } = request.body;
      await runRoundCommand(app, request, reply, {
        existing: true,
        occurredOn: body.resolvedOn,
        command: {
          type: 'ResolveRoundComplaint',
          roundId: request.params.id,
          ...body,
          ...(result !== undefined ? { result } : {}),
          ...(document !== undefined ? { document } : {}),
        },
      });
    },
  );

  app.post(
    '/v1/review-rounds/:id/decision',
    {
      config: { roles: supervisors },
      schema: {
        ...step,
        operationId: 'issueRoundDecision',
        summary: 'Record the commune chair’s decision: every result takes effect at once, on its date',
        description:
          'Refused (422 ROUND_DECISION_NOT_APPLICABLE, listing them) while a household could not take its ' +
          'review (closed, or reviewed after the decision’s date). Once recorded, each household gets its ' +
          'review in its own history, naming the round, the decision number and signer. Sending the same ' +
          'decision again answers 200 and completes any household left over.',
        body: DecisionBody,
        responseHeaders: { 200: ['ETag'], 201: ['ETag', 'IdempotentReplayed'] },
        response: { 200: DecisionAccepted, 201: DecisionAccepted, ...roundErrors },
      },
    },
    async (request, reply) => {
      const roundId = request.params.id;
      const body = request.body;
      const loaded = await loadRound(app.deps.store, roundId);
      const current = roundInScope(app, request, roundId, loaded.state);
      if (current.decision && sameDecision(current, body)) {
        // A repeat of the recorded decision: nothing to record, only households left over to complete.
        const decision = await completeDecision(app, roundId);
        const after = await loadRound(app.deps.store, roundId);
        const last = after.recorded.at(-1);
        return reply
          .status(200)
          .header('etag', `"${after.version}"`)
          .send({
            roundId,
            version: after.version,
            position: last?.position ?? '',
            events: [],
            ...(after.state.status === 'open' ? { stage: roundStage(after.state) } : {}),
            ...(decision && current.decision ? { decision: { ...decisionFields(current.decision), ...decision } } : {}),
          });
      }
      const rules = await app.deps.rules.current();
      await runRoundCommand(app, request, reply, {
        existing: true,
        occurredOn: body.issuedOn,
        command: {
          type: 'IssueRoundDecision',
          roundId,
          decisionNo: body.decisionNo,
          issuedOn: body.issuedOn,
          signer: body.signer,
          ...(body.document !== undefined ? { document: body.document } : {}),
        },
        beforeAppend: async (next) => {
          if (next.status !== 'open') return;
          const failed = await checkApplicable(
            {
              store: app.deps.store,
              decide: { rules, units: app.units },
              states: app.householdStates,
              queue: app.commandQueue,
            },
            next,
          );
          if (failed.length > 0) {
            throw new HttpProblem(
              422,
              'ROUND_DECISION_NOT_APPLICABLE',
              'The decision cannot be applied',
              `the results of ${failed.length} household(s) cannot be recorded in their histories`,
              { households: failed },
            );
          }
        },
        after: async () => {
          const decision = await completeDecision(app, roundId);
          const after = await loadRound(app.deps.store, roundId);
          const recorded = after.state.status === 'open' ? after.state.decision : undefined;
          if (after.state.status !== 'open' || !recorded || !decision) return { body: {} };
          return {
            version: after.version,
            body: { stage: roundStage(after.state), decision: { ...decisionFields(recorded), ...decision } },
          };
        },
      });
    },
  );
};
