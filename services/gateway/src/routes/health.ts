import type { ProjectionLag } from '@benvung/projections';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { replicaLag } from '../application/read-replica.js';

const Health = z.object({ status: z.literal('ok') });
const Ready = z.object({
  status: z
    .enum(['ready', 'not_ready'])
    .describe('ready when the database answers and no projection of this process has stopped on an error'),
  checks: z.object({
    database: z.enum(['ok', 'failing']).describe('Whether the database answers'),
    replica: z
      .object({
        database: z.enum(['ok', 'failing']).describe('Whether the replica answers (and the primary, to compare with)'),
        standby: z.boolean().nullable().describe('Whether it is a standby; null while it fails'),
        replayLagBytes: z
          .number()
          .nullable()
          .describe('WAL written on the primary and not yet replayed on the replica; null while it fails'),
        staleSeconds: z
          .number()
          .nullable()
          .describe(
            'How old its data may be: 0 when it has replayed everything, else the time since the last transaction it replayed; null while it fails',
          ),
      })
      .optional()
      .describe('Present when DATABASE_READ_URL is set (analytics and reports read there); does not decide readiness'),
    projections: z.array(
      z.object({
        name: z.string().describe('The projection (read model)'),
        /** Events after the projection's checkpoint, and how long the oldest of them has waited. */
        lagEvents: z.number().int().nullable().describe('Events after its checkpoint; null while the database fails'),
        lagSeconds: z
          .number()
          .nullable()
          .describe('How long the oldest of them has waited, in seconds; null while the database fails'),
        caughtUp: z
          .boolean()
          .describe(
            'No event after its checkpoint has waited longer than a small grace (2 s), and not retrying in this process',
          ),
        state: z
          .enum(['running', 'retrying', 'stopped'])
          .optional()
          .describe(
            'Present when it runs in this process: running; retrying after a transient failure (the database away); stopped',
          ),
        attempts: z
          .number()
          .int()
          .optional()
          .describe('Present when it runs in this process: failed attempts in a row (0 while running)'),
        lastError: z
          .string()
          .optional()
          .describe('Present while retrying or once stopped on an error: what the last attempt failed with'),
        eventsProcessed: z.number().optional().describe('Present when it runs in this process: events applied'),
      }),
    ),
  }),
});

/**
 * The replica's lag, for operators to alert on. It does not decide readiness: a replica that is away
 * or behind makes analytics and reports fail or stale, while writes and case work go on.
 */
async function replicaCheck<P, R>(primary: Kysely<P>, replica: Kysely<R>) {
  try {
    const lag = await replicaLag(primary, replica);
    return { database: 'ok' as const, ...lag };
  } catch {
    return { database: 'failing' as const, standby: null, replayLagBytes: null, staleSeconds: null };
  }
}

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
        summary:
          'Readiness: the database answers and no projection has stopped (503 when not); each projection’s lag and state',
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
      const replica = app.deps.readReplica ? await replicaCheck(app.deps.readModels, app.deps.readReplica) : undefined;
      const statuses = app.deps.projector?.status() ?? [];
      const running = new Map(statuses.map((s) => [s.name, s]));
      // With the database away there is no lag to read: the projections of this process are still listed.
      const names = lags.length > 0 ? lags.map((l) => l.name) : statuses.map((s) => s.name);
      const lagOf = new Map(lags.map((l) => [l.name, l]));
      const projections = names.map((name) => {
        const lag = lagOf.get(name);
        const status = running.get(name);
        return {
          name,
          lagEvents: lag?.events ?? null,
          lagSeconds: lag?.seconds ?? null,
          caughtUp: (lag?.caughtUp ?? false) && status?.state !== 'retrying',
          ...(status
            ? {
                state: status.state,
                attempts: status.attempts,
                ...(status.lastError !== undefined ? { lastError: status.lastError } : {}),
                eventsProcessed: status.eventsProcessed,
              }
            : {}),
        };
      });
      // A lagging projection makes reads stale, not wrong (reads that must see a write wait for it with
      // X-Wait-For-Position): the lag is reported for operators to alert on. One that stopped on an error
      // will not catch up without an operator: this instance is not ready.
      const ready = database === 'ok' && !statuses.some((s) => s.failed);
      return reply.status(ready ? 200 : 503).send({
        status: ready ? 'ready' : 'not_ready',
        checks: { database, ...(replica ? { replica } : {}), projections },
      });
    },
  );
};
