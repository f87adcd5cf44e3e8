import type { ProjectionLag } from '@benvung/projections';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';

const Health = z.object({ status: z.literal('ok') });
const Ready = z.object({
  status: z.enum(['ready', 'not_ready']).describe('ready when the database answers'),
  checks: z.object({
    database: z.enum(['ok', 'failing']).describe('Whether the database answers'),
    projections: z.array(
      z.object({
        name: z.string().describe('The projection (read model)'),
        /** Events after the projection's checkpoint, and how long the oldest of them has waited. */
        lagEvents: z.number().int().describe('Events after its checkpoint'),
        lagSeconds: z.number().describe('How long the oldest of them has waited, in seconds'),
        /** Present when the projection runs in this process. */
        caughtUp: z.boolean().optional().describe('Present when it runs in this process: whether it has caught up'),
        eventsProcessed: z.number().optional().describe('Present when it runs in this process: events applied'),
      }),
    ),
  }),
});

/** Liveness answers as long as the process serves; readiness checks the database and projections. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['operations'],
        operationId: 'getHealth',
        summary: 'Liveness: answers while the process serves',
        response: { 200: Health },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      schema: {
        tags: ['operations'],
        operationId: 'getReadiness',
        summary: 'Readiness: the database answers (503 when not); the projections’ lag, for alerts',
        response: { 200: Ready, 503: Ready },
      },
    },
    async (_request, reply) => {
      let database: 'ok' | 'failing' = 'ok';
      let lags: ProjectionLag[] = [];
      try {
        await sql`SELECT 1`.execute(app.deps.db);
        lags = (await app.deps.projectionLag?.()) ?? [];
      } catch {
        database = 'failing';
      }
      const running = new Map((app.deps.projector?.status() ?? []).map((s) => [s.name, s]));
      const projections = lags.map((lag) => {
        const status = running.get(lag.name);
        return {
          name: lag.name,
          lagEvents: lag.events,
          lagSeconds: lag.seconds,
          ...(status ? { caughtUp: status.caughtUp, eventsProcessed: status.eventsProcessed } : {}),
        };
      });
      // Readiness is the database: a lagging projection makes reads stale, not wrong (reads that must
      // see a write wait for it with X-Wait-For-Position); the lag is reported for operators to alert on.
      const ready = database === 'ok';
      return reply
        .status(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'not_ready', checks: { database, projections } });
    },
  );
};
