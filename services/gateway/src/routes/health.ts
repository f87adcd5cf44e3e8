import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';

const Health = z.object({ status: z.literal('ok') });
const Ready = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    database: z.enum(['ok', 'failing']),
    projections: z.array(z.object({ name: z.string(), caughtUp: z.boolean(), eventsProcessed: z.number() })),
  }),
});

/** Liveness answers as long as the process serves; readiness checks the database and projections. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', { schema: { tags: ['operations'], response: { 200: Health } } }, async () => ({
    status: 'ok' as const,
  }));

  app.get(
    '/ready',
    { schema: { tags: ['operations'], response: { 200: Ready, 503: Ready } } },
    async (_request, reply) => {
      let database: 'ok' | 'failing' = 'ok';
      try {
        await sql`SELECT 1`.execute(app.deps.db);
      } catch {
        database = 'failing';
      }
      const projections = (app.deps.projector?.status() ?? []).map((s) => ({
        name: s.name,
        caughtUp: s.caughtUp,
        eventsProcessed: s.eventsProcessed,
      }));
      const ready = database === 'ok';
      return reply
        .status(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'not_ready', checks: { database, projections } });
    },
  );
};
