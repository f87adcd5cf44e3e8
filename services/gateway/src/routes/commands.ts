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
} from '@benvung/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runHouseholdCommand } from '../application/command-route.js';
import { today } from '../application/today.js';
import { HttpProblem } from '../plugins/problem.js';
import { Accepted, commandErrors, HouseholdParams, workers } from './command-schemas.js';

const Params = HouseholdParams;
const errors = commandErrors;
const supervisors = ['supervisor'] as const;

const Assessed = Accepted.extend({
  classification: z.enum(['poor', 'near_poor', 'non_poor']),
  standardId: z.string(),
  /** The rule version the standard came from. */
  standardVersion: z.number().int().optional(),
  /** Unconfirmed parts of the standard this classification rests on (empty once an admin confirms them). */
  unverified: z.array(z.string()),
  transition: z.string(),
  listYear: z.number().int(),
  averageLivingBand: z.boolean(),
  reasons: z.array(z.string()),
});

const FlagBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('set'),
    basis: UnableToEscapeBasis,
    reason: ShortText,
    occurredAt: IsoDate.optional(),
  }),
  z.strictObject({ action: z.literal('clear'), reason: ShortText, occurredAt: IsoDate.optional() }),
]);

const CorrectionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('void'), eventId: z.uuid(), reason: ShortText, occurredAt: IsoDate.optional() }),
  z.strictObject({
    action: z.literal('amend'),
    eventId: z.uuid(),
    reason: ShortText,
    occurredAt: IsoDate.optional(),
    /** The replacement, as the command that would have recorded it (`type` and its fields, no householdId). */
    correction: z.record(z.string(), z.unknown()),
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
        summary: 'Record a review: classifies the household under the standard its list year selects',
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
        summary: 'Log a support action (loan and follow-ups, training stages, jobs, livelihood, …)',
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
        summary: 'Add a note',
        params: Params,
        body: z.strictObject({
          text: LongText,
          category: z.enum(['visit', 'call', 'observation', 'other']).optional(),
          occurredAt: IsoDate.optional(),
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
        summary: 'Set or clear the unable-to-escape flag, with a reason',
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
        summary: 'Void or amend an earlier event by its id, with a reason (history is never rewritten)',
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
        throw new HttpProblem(
          400,
          'VALIDATION_FAILED',
          'The correction is not valid',
          correction.error.issues.map((i) => `/correction/${i.path.join('/')}: ${i.message}`).join('; '),
        );
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
        summary: 'Record a move to another unit (valid on the date of the move)',
        params: Params,
        body: z.strictObject({
          toUnitCode: UnitCode,
          village: z.string().trim().min(1).max(200).optional(),
          /** Omitted: the new commune's kind decides (or the household's area, where it sets none). */
          area: Area.optional(),
          /** Why the area differs from the commune's kind. */
          areaOverrideReason: ShortText.optional(),
          occurredAt: IsoDate.optional(),
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
        summary: 'Close the household (dissolved, moved away, deceased)',
        params: Params,
        body: z.strictObject({ reason: CloseReason, occurredAt: IsoDate.optional() }),
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
