import {
  Area,
  AssessmentInput,
  CloseReason,
  CorrectionCommand,
  IsoDate,
  LongText,
  ShortText,
  SupportActionInput,
  UnableToEscapeBasis,
  UnitCode,
  VillageName,
} from '@benvung/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runHouseholdCommand } from '../application/command-route.js';
import { today } from '../application/today.js';
import { INVALID_CHARACTERS, isForbiddenCharactersIssue } from '../plugins/invalid-characters.js';
import { HttpProblem } from '../plugins/problem.js';
import { Accepted, commandErrors, commandProtocol, HouseholdParams, workers } from './command-schemas.js';

const Params = HouseholdParams;
const errors = commandErrors;
const supervisors = ['supervisor'] as const;

const Assessed = Accepted.extend({
  classification: z.enum(['poor', 'near_poor', 'non_poor']).describe('The list the review puts the household on'),
  standardId: z.string().describe('The poverty standard applied (e.g. VN-2022-2026), chosen by the list year'),
  standardVersion: z.number().int().optional().describe('The rule version the standard came from'),
  unverified: z
    .array(z.string())
    .describe('Unconfirmed parts of the standard this classification rests on (empty once an admin confirms them)'),
  transition: z
    .string()
    .describe(
      'What the review meant against the previous list: classified_poor, classified_near_poor, classified_non_poor, no_change, escaped_poverty, escaped_near_poverty, relapsed, relapsed_near_poverty, newly_poor, newly_near_poor, became_poor',
    ),
  listYear: z.number().int().describe('The year whose lists the review decides'),
  averageLivingBand: z
    .boolean()
    .describe('Whether the household falls in the average-living band (hộ có mức sống trung bình) above near-poor'),
  reasons: z.array(z.string()).describe('Why the classification came out so (income line, deprivations counted)'),
});

const OccurredAt = IsoDate.optional().describe('The date it happened; today when omitted');
const Reason = ShortText.describe('Why, in a sentence (kept in the history)');
const EventId = z.uuid().describe('The id of the event in the household’s history (GET …/history)');

const FlagBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('set').describe('Flag the household as unable to escape poverty'),
    basis: UnableToEscapeBasis,
    reason: Reason,
    occurredAt: OccurredAt,
  }),
  z.strictObject({
    action: z.literal('clear').describe('Clear the flag'),
    reason: Reason,
    occurredAt: OccurredAt,
  }),
]);

const CorrectionBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('void').describe('Void the event: it no longer counts (its follow-ups must be voided first)'),
    eventId: EventId,
    reason: Reason,
    occurredAt: OccurredAt,
  }),
  z.strictObject({
    action: z.literal('amend').describe('Replace the event’s content by a corrected one of the same type'),
    eventId: EventId,
    reason: Reason,
    occurredAt: OccurredAt,
    /** The replacement, as the command that would have recorded it (`type` and its fields, no householdId). */
    correction: z
      .record(z.string(), z.unknown())
      .describe(
        'The replacement, as the command that would have recorded it: `type` (AssessHousehold, RecordSupportAction …) and its fields, without householdId',
      ),
  }),
]);

/** Commands on an existing household: reviews, support, notes, flags, corrections, members, moves, closure. */
export const commandRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/v1/households/:id/assessments',
    {
      config: { roles: workers },
      schema: {
        tags: ['commands'],
        operationId: 'recordAssessment',
        summary: 'Record a review: classifies the household under the standard its list year selects',
        ...commandProtocol,
        params: Params,
        body: AssessmentInput,
        response: { 201: Assessed, ...errors },
      },
    },
    async (request, reply) => {
      await runHouseholdCommand(app, request, reply, {
        householdId: request.params.id,
        command: { type: 'AssessHousehold', householdId: request.params.id, assessment: request.body },
        occurredOn: request.body.effectiveDate,
        respond: (events) => {
          const assessed = events.find((e) => e.type === 'HouseholdAssessed');
          if (assessed?.type !== 'HouseholdAssessed') return {};
          const d = assessed.data;
          return {
            classification: d.classification,
            standardId: d.standardId,
            ...(d.standardVersion !== undefined ? { standardVersion: d.standardVersion } : {}),
            unverified: d.unverified ?? [],
            transition: d.transition,
            listYear: d.listYear,
            averageLivingBand: d.averageLivingBand,
            reasons: d.reasons,
          };
        },
      });
    },
  );

  app.post(
    '/v1/households/:id/support-actions',
    {
      config: { roles: workers },
      schema: {
        tags: ['commands'],
        operationId: 'recordSupportAction',
        summary: 'Log a support action (loan and follow-ups, training stages, jobs, livelihood, …)',
        ...commandProtocol,
        params: Params,
        body: SupportActionInput,
        response: { 201: Accepted, ...errors },
      },
    },
    async (request, reply) => {
      await runHouseholdCommand(app, request, reply, {
        householdId: request.params.id,
        command: { type: 'RecordSupportAction', householdId: request.params.id, action: request.body },
        occurredOn: request.body.occurredAt,
      });
    },
  );

  app.post(
    '/v1/households/:id/notes',
    {
      config: { roles: workers },
      schema: {
        tags: ['commands'],
        operationId: 'addNote',
        summary: 'Add a note',
        ...commandProtocol,
        params: Params,
        body: z.strictObject({
          text: LongText.describe('The note'),
          category: z
            .enum(['visit', 'call', 'observation', 'other'])
            .optional()
            .describe('A home visit, a call, an observation or other'),
          occurredAt: OccurredAt,
        }),
        response: { 201: Accepted, ...errors },
      },
    },
    async (request, reply) => {
      const { text, category, occurredAt } = request.body;
      const occurredOn = occurredAt ?? today();
      await runHouseholdCommand(app, request, reply, {
        householdId: request.params.id,
        command: {
          type: 'AddNote',
          householdId: request.params.id,
          text,
          occurredOn,
          ...(category ? { category } : {}),
        },
        occurredOn,
      });
    },
  );

  app.post(
    '/v1/households/:id/flags',
    {
      config: { roles: supervisors },
      schema: {
        tags: ['commands'],
        operationId: 'setUnableToEscapeFlag',
        summary: 'Set or clear the unable-to-escape flag, with a reason',
        ...commandProtocol,
        params: Params,
        body: FlagBody,
        response: { 201: Accepted, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const occurredOn = body.occurredAt ?? today();
      const householdId = request.params.id;
      await runHouseholdCommand(app, request, reply, {
        householdId,
        occurredOn,
        command:
          body.action === 'set'
            ? { type: 'SetUnableToEscapeFlag', householdId, basis: body.basis, reason: body.reason, occurredOn }
            : { type: 'ClearUnableToEscapeFlag', householdId, reason: body.reason, occurredOn },
      });
    },
  );

  app.post(
    '/v1/households/:id/corrections',
    {
      config: { roles: supervisors },
      schema: {
        tags: ['commands'],
        operationId: 'correctEvent',
        summary: 'Void or amend an earlier event by its id, with a reason (history is never rewritten)',
        ...commandProtocol,
        params: Params,
        body: CorrectionBody,
        response: { 201: Accepted, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const householdId = request.params.id;
      const occurredOn = body.occurredAt ?? today();
      if (body.action === 'void') {
        return runHouseholdCommand(app, request, reply, {
          householdId,
          occurredOn,
          command: { type: 'VoidEvent', householdId, eventId: body.eventId, reason: body.reason, occurredOn },
        });
      }
      const correction = CorrectionCommand.safeParse({ ...body.correction, householdId });
      if (!correction.success) {
        const { issues } = correction.error;
        const detail = issues.map((i) => `/correction/${i.path.join('/')}: ${i.message}`).join('; ');
        if (issues.every((i) => i.code === 'custom' && isForbiddenCharactersIssue(i.params))) {
          throw new HttpProblem(422, 'INVALID_CHARACTERS', INVALID_CHARACTERS.title, detail, {
            errors: issues.map((i) => ({ path: `/correction/${i.path.join('/')}`, message: i.message })),
          });
        }
        throw new HttpProblem(400, 'VALIDATION_FAILED', 'The correction is not valid', detail);
      }
      await runHouseholdCommand(app, request, reply, {
        householdId,
        occurredOn,
        command: {
          type: 'AmendEvent',
          householdId,
          eventId: body.eventId,
          reason: body.reason,
          occurredOn,
          correction: correction.data,
        },
      });
    },
  );

  app.post(
    '/v1/households/:id/moves',
    {
      config: { roles: workers },
      schema: {
        tags: ['commands'],
        operationId: 'moveHousehold',
        summary: 'Record a move to another of your units (valid on the date of the move)',
        ...commandProtocol,
        params: Params,
        body: z.strictObject({
          toUnitCode: UnitCode.describe('The commune (5 digits) moved to, valid on the date of the move'),
          village: VillageName.optional().describe('Village or hamlet in the new commune'),
          /** Omitted: the new commune's kind decides (or the household's area, where it sets none). */
          area: Area.optional().describe(
            'Omitted: the new commune’s kind decides (or the household’s area, where it sets none)',
          ),
          /** Why the area differs from the commune's kind. */
          areaOverrideReason: ShortText.optional().describe('Why the area differs from the commune’s kind'),
          occurredAt: OccurredAt,
        }),
        response: { 201: Accepted, ...errors },
      },
    },
    async (request, reply) => {
      const { toUnitCode, village, area, areaOverrideReason, occurredAt } = request.body;
      const occurredOn = occurredAt ?? today();
      await runHouseholdCommand(app, request, reply, {
        householdId: request.params.id,
        occurredOn,
        command: {
          type: 'MoveHousehold',
          householdId: request.params.id,
          toUnitCode,
          occurredOn,
          ...(village ? { village } : {}),
          ...(area ? { area } : {}),
          ...(areaOverrideReason ? { areaOverrideReason } : {}),
        },
      });
    },
  );

  app.post(
    '/v1/households/:id/closure',
    {
      config: { roles: supervisors },
      schema: {
        tags: ['commands'],
        operationId: 'closeHousehold',
        summary: 'Close the household (dissolved, moved away, deceased)',
        ...commandProtocol,
        params: Params,
        body: z.strictObject({ reason: CloseReason, occurredAt: OccurredAt }),
        response: { 201: Accepted, ...errors },
      },
    },
    async (request, reply) => {
      const occurredOn = request.body.occurredAt ?? today();
      await runHouseholdCommand(app, request, reply, {
        householdId: request.params.id,
        occurredOn,
        command: { type: 'CloseHousehold', householdId: request.params.id, reason: request.body.reason, occurredOn },
      });
    },
  );
};
