import {
  decodeHouseholdEvent,
  HouseholdMemberAdded,
  HouseholdMemberRemoved,
  IsoDate,
  MemberFacts,
  MemberPerson,
  ShortText,
} from '@benvung/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runHouseholdCommand } from '../application/command-route.js';
import { loadHouseholdInScope } from '../application/household-access.js';
import { today } from '../application/today.js';
import { Accepted, commandErrors, commandProtocol, HouseholdParams, workers } from './command-schemas.js';
import { ProblemSchema } from './schemas.js';

const Params = HouseholdParams;
const MemberParams = HouseholdParams.extend({ memberId: z.uuid().describe('The member id') });
const errors = commandErrors;
const readers = ['case_worker', 'supervisor', 'auditor'] as const;

/** A household registered with a count only: a new count (refused once it lists its members). */
const OccurredAt = IsoDate.optional().describe('The date it happened; today when omitted');
const CountBody = z.strictObject({
  memberCount: z.number().int().min(1).max(100).describe('The new number of members (nhân khẩu)'),
  reason: ShortText.optional().describe('Why the number changed'),
  occurredAt: OccurredAt,
});
/** A member to list: who (personal part) and the facts reported on; the id is the server's when omitted. */
const AddBody = z.strictObject({
  memberId: z.uuid().optional().describe('Chosen by the client; a new id when omitted'),
  person: MemberPerson.describe('Who the member is (personal data, erasable)'),
  facts: MemberFacts.describe('What the programme reports on about the member'),
  reason: HouseholdMemberAdded.shape.data.shape.reason
    .default('listed')
    .describe('Why the member joins the list: listed (at the start of follow-up), birth, moved_in, marriage, other'),
  occurredAt: OccurredAt,
});

const Member = z.object({
  memberId: z.uuid().describe('The member id'),
  fullName: z.string().describe('Full name (personal data)'),
  nationalId: z.string().optional().describe('National ID number (personal data)'),
  facts: MemberFacts,
  since: z.string().describe('The date the member joined the list'),
});

/** A household's members: list, add, change, remove (events; the count follows the list). */
export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/v1/households/:id/members',
    {
      config: { roles: workers },
      schema: {
        tags: ['members'],
        operationId: 'addMember',
        ...commandProtocol,
        summary:
          'List a member (name, ID number, sex, birth year, relationship, ethnicity, disability, insurance, schooling, work); the household then counts its listed members. A body of only memberCount changes the count of a household that lists none.',
        params: Params,
        body: z.union([AddBody, CountBody]),
        response: { 201: Accepted.extend({ memberId: z.uuid().optional() }), ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const occurredOn = body.occurredAt ?? today();
      const householdId = request.params.id;
      if ('memberCount' in body) {
        await runHouseholdCommand(app, request, reply, {
          householdId,
          occurredOn,
          command: {
            type: 'ChangeHouseholdMembers',
            householdId,
            memberCount: body.memberCount,
            occurredOn,
            ...(body.reason ? { reason: body.reason } : {}),
          },
        });
        return;
      }
      const memberId = body.memberId ?? crypto.randomUUID();
      await runHouseholdCommand(app, request, reply, {
        householdId,
        occurredOn,
        command: {
          type: 'AddHouseholdMember',
          householdId,
          memberId,
          person: body.person,
          facts: body.facts,
          reason: body.reason,
          occurredOn,
        },
        respond: () => ({ memberId }),
      });
    },
  );

  app.patch(
    '/v1/households/:id/members/:memberId',
    {
      config: { roles: workers },
      schema: {
        tags: ['members'],
        operationId: 'changeMember',
        ...commandProtocol,
        summary: 'Record what changed about a listed member (only the fields given)',
        params: MemberParams,
        body: z.strictObject({
          person: MemberPerson.partial().optional().describe('What changed of who the member is'),
          facts: MemberFacts.partial().default({}).describe('What changed of the reported facts'),
          occurredAt: OccurredAt,
        }),
        response: { 201: Accepted, ...errors },
      },
    },
    async (request, reply) => {
      const { id, memberId } = request.params;
      const occurredOn = request.body.occurredAt ?? today();
      await runHouseholdCommand(app, request, reply, {
        householdId: id,
        occurredOn,
        command: {
          type: 'ChangeHouseholdMember',
          householdId: id,
          memberId,
          facts: request.body.facts,
          ...(request.body.person ? { person: request.body.person } : {}),
          occurredOn,
        },
      });
    },
  );

  app.post(
    '/v1/households/:id/members/:memberId/removal',
    {
      config: { roles: workers },
      schema: {
        tags: ['members'],
        operationId: 'removeMember',
        ...commandProtocol,
        summary: 'Take a member off the list (death, moved out, marriage, split, listed in error)',
        params: MemberParams,
        body: z.strictObject({
          reason: HouseholdMemberRemoved.shape.data.shape.reason.describe(
            'Why the member leaves the list: death, moved_out, marriage, split (a new household), listed_in_error, other',
          ),
          note: ShortText.optional().describe('A note on the removal'),
          occurredAt: OccurredAt,
        }),
        response: { 201: Accepted, ...errors },
      },
    },
    async (request, reply) => {
      const { id, memberId } = request.params;
      const occurredOn = request.body.occurredAt ?? today();
      await runHouseholdCommand(app, request, reply, {
        householdId: id,
        occurredOn,
        command: {
          type: 'RemoveHouseholdMember',
          householdId: id,
          memberId,
          reason: request.body.reason,
          ...(request.body.note ? { note: request.body.note } : {}),
          occurredOn,
        },
      });
    },
  );

  app.get(
    '/v1/households/:id/members',
    {
      config: { roles: readers },
      schema: {
        tags: ['members'],
        operationId: 'listMembers',
        summary:
          'The members a household lists now, with their names (personal data: case workers, supervisors, auditors)',
        params: Params,
        response: {
          200: z.object({ householdId: z.uuid(), members: z.array(Member) }),
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (request) => {
      const { events } = await loadHouseholdInScope(app, request, request.params.id);
      // Folded here rather than by the decider: the names live in the events' personal part only.
      const members = new Map<string, z.infer<typeof Member>>();
      const voided = new Set(
        events.filter((e) => e.type === 'EventVoided').map((e) => String((e.data as { eventId: string }).eventId)),
      );
      for (const recorded of events) {
        if (voided.has(recorded.eventId) || !recorded.type.startsWith('HouseholdMember')) continue;
        const event = decodeHouseholdEvent(recorded);
        if (event.type === 'HouseholdMemberAdded') {
          const { memberId, person, facts, occurredOn } = event.data;
          members.set(memberId, { memberId, ...person, facts, since: occurredOn });
        } else if (event.type === 'HouseholdMemberChanged') {
          const m = members.get(event.data.memberId);
          if (m) members.set(m.memberId, { ...m, ...event.data.person, facts: { ...m.facts, ...event.data.facts } });
        } else if (event.type === 'HouseholdMemberRemoved') {
          members.delete(event.data.memberId);
        }
      }
      return { householdId: request.params.id, members: [...members.values()] };
    },
  );
};
