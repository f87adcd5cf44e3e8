import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAccess } from '../persistence/access-log.js';
import { ProblemSchema } from './schemas.js';

const AccessEntry = z.object({
  id: z.string(),
  actorId: z.string(),
  actorRole: z.string(),
  householdId: z.string(),
  action: z.enum(['history', 'state', 'verify']),
  requestId: z.string(),
  at: z.string(),
});

/** Admin: who read which household's history, replay or verification. */
export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/access-log',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: 'Reads of household histories, newest first',
        querystring: z
          .object({
            householdId: z.uuid().optional(),
            actorId: z.string().min(1).max(200).optional(),
            cursor: z
              .string()
              .regex(/^\d{1,19}$/)
              .optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
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
      const rows = await listAccess(app.deps.db, {
        limit,
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
