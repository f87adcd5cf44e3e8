import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics on /metrics: process metrics, request latency by route and status, and each
 * projection's progress. One registry per app, so several apps in one process (tests) do not clash.
 */
export const metricsPlugin = fp(
  async (app: FastifyInstance) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'benvung_' });
    const duration = new Histogram({
      name: 'benvung_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });
    const problems = new Counter({
      name: 'benvung_http_problems_total',
      help: 'Error responses by status and code',
      labelNames: ['status'] as const,
      registers: [registry],
    });
    new Gauge({
      name: 'benvung_projection_events_processed',
      help: 'Events applied by each projection since this process started',
      labelNames: ['projection'] as const,
      registers: [registry],
      collect() {
        for (const s of app.deps.projector?.status() ?? []) this.set({ projection: s.name }, s.eventsProcessed);
      },
    });
    const states = ['running', 'retrying', 'stopped'] as const;
    new Gauge({
      name: 'benvung_projection_state',
      help: 'State of each projection run by this process: 1 for its current state (running, retrying, stopped)',
      labelNames: ['projection', 'state'] as const,
      registers: [registry],
      collect() {
        for (const s of app.deps.projector?.status() ?? []) {
          for (const state of states) this.set({ projection: s.name, state }, s.state === state ? 1 : 0);
        }
      },
    });
    new Gauge({
      name: 'benvung_projection_retry_attempts',
      help: 'Failed attempts in a row of each projection run by this process (0 while running)',
      labelNames: ['projection'] as const,
      registers: [registry],
      collect() {
        for (const s of app.deps.projector?.status() ?? []) this.set({ projection: s.name }, s.attempts);
      },
    });
    // Lag is measured once per scrape (a checkpoint read and a bounded count per projection).
    const lagSeconds = new Gauge({
      name: 'benvung_projection_lag_seconds',
      help: 'How long the oldest event each projection has not applied has waited (0 when caught up)',
      labelNames: ['projection'] as const,
      registers: [registry],
    });
    const lagEvents = new Gauge({
      name: 'benvung_projection_lag_events',
      help: 'Events in the log after each projection checkpoint (counted up to a cap)',
      labelNames: ['projection'] as const,
      registers: [registry],
    });
    const caughtUp = new Gauge({
      name: 'benvung_projection_caught_up',
      help: 'Whether each projection is caught up: no event after its checkpoint older than a small grace',
      labelNames: ['projection'] as const,
      registers: [registry],
    });
    const databaseUp = new Gauge({
      name: 'benvung_database_up',
      help: 'Whether the database answered the last scrape’s lag queries',
      registers: [registry],
    });

    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
      if (reply.statusCode >= 400) problems.inc({ status: String(reply.statusCode) });
    });
    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
      // Metrics matter most while the database is away: they are served without the lag then.
      const projectionLag = app.deps.projectionLag;
      if (projectionLag) {
        try {
          for (const lag of await projectionLag()) {
            lagSeconds.set({ projection: lag.name }, lag.seconds);
            lagEvents.set({ projection: lag.name }, lag.events);
            caughtUp.set({ projection: lag.name }, lag.caughtUp ? 1 : 0);
          }
          databaseUp.set(1);
        } catch {
          databaseUp.set(0);
        }
      }
      return reply.type(registry.contentType).send(await registry.metrics());
    });
  },
  { name: 'metrics' },
);
