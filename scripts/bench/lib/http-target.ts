/**
 * The server side of `pnpm bench http`, in its own process so the load generator does not share its
 * event loop: the real gateway (event store, projector, read models) on the bench database, plus a
 * bare Fastify app with one trivial route as the baseline. Prints one JSON line with the ports.
 */
import { createRuntime } from '@benvung/gateway';
import Fastify from 'fastify';
import { pino } from 'pino';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required');
const jwtSecret = new TextEncoder().encode(process.env.AUTH_JWT_SECRET ?? '');

const runtime = await createRuntime({
  databaseUrl,
  config: {
    BODY_LIMIT_BYTES: 1024 * 1024,
    RUN_PROJECTOR: true,
    DB_POOL_SIZE: 20,
    RATE_LIMIT_PER_MINUTE: 0,
    CORS_ORIGINS: [],
    DEMO_UNITS: true,
  },
  jwtSecret,
  logger: pino({ level: 'warn' }),
});
const bare = Fastify();
bare.get('/bare', async () => ({ ok: true }));
const gateway = await runtime.app.listen({ port: 0, host: '127.0.0.1' });
const baseline = await bare.listen({ port: 0, host: '127.0.0.1' });
console.log(JSON.stringify({ gateway, baseline }));

process.on('SIGTERM', async () => {
  await bare.close();
  await runtime.stop();
  process.exit(0);
});
