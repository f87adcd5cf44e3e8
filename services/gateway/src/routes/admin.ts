import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAccess } from '../persistence/access-log.js';
import { ProblemSchema } from './schemas.js';

const AccessEntry = z.object({
  id: z.string().describe('Entry id (the cursor of the next page)'),
  actorId: z.string().describe('Who read'),
  actorRole: z.string().describe('Their role'),
  householdId: z.string().describe('Whose history'),
  action: z.enum(['history', 'state', 'verify']).describe('What they read: the history, a replay, the chain check'),
  requestId: z.string().describe('The request id, as logged'),
  at: z.string().describe('When'),
});

/** Admins and auditors: who read which household's history, replay or verification. */
export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/access-log',
    {
      config: { roles: ['auditor', 'admin'] },
      schema: {
        tags: ['admin'],
        operationId: 'listAccessLog',
        summary: 'Reads of household histories, newest first (an auditor: of the households of their units)',
        querystring: z
          .object({
            householdId: z.uuid().optional().describe('Only reads of this household'),
            actorId: z.string().min(1).max(200).optional().describe('Only reads by this user'),
            cursor: z
              .string()
              .regex(/^\d{1,19}$/)
              .optional()
              .describe('nextCursor of the previous page'),
            limit: z.coerce.number().int().min(1).max(500).default(100).describe('Entries per page, 1–500'),
          })
          .strict(),
        response: {
          200: z.object({ entries: z.array(AccessEntry), nextCursor: z.string().optional() }),
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
        },
      },
    },
    async (request) => {
      const { householdId, actorId, cursor, limit } = request.query;
      // An auditor sees the reads of the households of their units; an admin sees every read.
      const unitCodes =
        request.actor.role === 'admin'
          ? undefined
          : [...new Set(request.units.flatMap((u) => app.geography.expand(u)))];
      const rows = await listAccess(app.deps.db, {
        limit,
        ...(unitCodes ? { unitCodes } : {}),
        ...(householdId ? { householdId } : {}),
        ...(actorId ? { actorId } : {}),
        ...(cursor ? { beforeId: cursor } : {}),
      });
      const last = rows.at(-1);
      return {
        entries: rows.map((r) => ({
          id: String(r.id),
          actorId: r.actor_id,
          actorRole: r.actor_role,
          householdId: r.household_id,
          action: r.action,
          requestId: r.request_id,
          at: r.at.toISOString(),
        })),
        ...(last && rows.length === limit ? { nextCursor: String(last.id) } : {}),
      };
    },
  );
};
