import type { UnitRegistry } from '@benvung/domain';
import type { GeographyService } from '@benvung/geography';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AddressRateLimit, rateLimited } from './application/address-rate-limit.js';
import { type GatewayGeography, geographyFrom } from './application/geography.js';
import { HouseholdStateCache } from './application/household-state-cache.js';
import { KeyedMutex } from './application/keyed-mutex.js';
import type { TokenPolicy } from './application/token-policy.js';
import { swaggerOptions } from './openapi/swagger-options.js';
import { authPlugin } from './plugins/auth.js';
import { clientErrorHandler } from './plugins/client-errors.js';
import type { GatewayDeps } from './plugins/deps.js';
import { metricsPlugin } from './plugins/metrics.js';
import { noStorePlugin } from './plugins/no-store.js';
import { problemPlugin, sendProblem } from './plugins/problem.js';
import { securityHeadersPlugin } from './plugins/security-headers.js';
import { textGuardPlugin } from './plugins/text-guard.js';
import { unauthenticatedLimitPlugin } from './plugins/unauthenticated-limit.js';
import { webAppPlugin } from './plugins/web-app.js';
import { adminRoutes } from './routes/admin.js';
import { analyticsRoutes } from './routes/analytics.js';
import { analyticsTableRoutes } from './routes/analytics-tables.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { commandRoutes } from './routes/commands.js';
import { erasureRoutes } from './routes/erasure.js';
import { healthRoutes } from './routes/health.js';
import { householdRoutes } from './routes/households.js';
import { importRoutes } from './routes/imports.js';
import { logRoutes } from './routes/log.js';
import { memberRoutes } from './routes/members.js';
import { reportRoutes } from './routes/reports.js';
import { reviewRoundStepRoutes } from './routes/review-round-steps.js';
import { reviewRoundRoutes } from './routes/review-rounds.js';
import { ruleRoutes } from './routes/rules.js';
import { unitFigureRoutes } from './routes/unit-figures.js';
import { unitRoutes } from './routes/units.js';
import { userRoutes } from './routes/users.js';

/** Households whose decider state a gateway keeps (a few KB each): a busy commune's worth. */
const COMMAND_STATE_CACHE_SIZE = 10_000;

export interface BuildAppOptions {
  deps: GatewayDeps;
  /** HS256 secret that bearer tokens are verified with. */
  jwtSecret: Uint8Array;
  /** Key of the keyed hash pseudonymising households in analytics exports. */
  pseudonymKey: Uint8Array;
  /** Geography: which unit codes a scope covers (a province its communes, old codes included). */
  /** The unit registry (the national lists, and the lists loaded since) commands are decided with. */
  geography: GeographyService;
  bodyLimitBytes?: number;
  rateLimitPerMinute?: number;
  /** Requests per minute per client address without valid credentials (see AddressRateLimit); 0: none. */
  rateLimitPerAddressPerMinute?: number;
  /** How long a client may take to send a request's headers, and the whole request (Node's when omitted). */
  timeouts?: { headersMs: number; requestMs: number };
  /** Fastify's trustProxy: take the client address from X-Forwarded-For behind these proxies. */
  trustProxy?: boolean | string[];
  /** Lifetime, issuer and audience a token must have (12 h, none, none when omitted). */
  tokenPolicy?: TokenPolicy;
  corsOrigins?: readonly string[];
  /** A pino logger; none means silent (tests). */
  logger?: FastifyBaseLogger;
  /** The built web app's folder (services/web/dist), served at `/`; none serves no app. */
  webRoot?: string;
}

/** Builds the gateway; never listens (server.ts and the start script do). */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
    // An incoming X-Request-Id is kept when it is short and plain (it ends up in every log line).
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.:-]{1,128}$/.test(incoming) ? incoming : crypto.randomUUID();
    },
    ajv: { customOptions: { coerceTypes: false } },
    // A client trickling its headers or body is cut off (408) instead of holding a connection for ever;
    // Node checks the time-outs every second, so the cut comes within a second of them.
    ...(options.timeouts
      ? {
          requestTimeout: options.timeouts.requestMs,
          http: {
            headersTimeout: options.timeouts.headersMs,
            requestTimeout: options.timeouts.requestMs,
            connectionsCheckingInterval: 1000,
          },
        }
      : {}),
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    // What Node's parser refuses, and time-outs, answer problem+json too.
    clientErrorHandler: clientErrorHandler(options.logger),
    // Router-level mistakes (malformed URL, over-long id) answer problem+json like every other error.
    frameworkErrors: (error, request, reply) => {
      const status = (error as { statusCode?: number }).statusCode ?? 400;
      return sendProblem(reply, request, {
        status,
        code: (error.code ?? 'BAD_REQUEST').replace(/^FST_ERR_/, ''),
        title: 'The request could not be processed',
        detail: status === 414 ? 'a path segment is too long' : 'the URL is malformed',
      });
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', options.deps);
  // Getters: a unit list loaded while the service runs replaces the registry for every later request.
  const service = options.geography;
  let geography = { registry: service.registry, view: geographyFrom(service.registry) };
  const current = () => {
    if (geography.registry !== service.registry)
      geography = { registry: service.registry, view: geographyFrom(service.registry) };
    return geography.view;
  };
  app.decorate('geographyService', service);
  app.decorate('units', { getter: () => service.registry });
  app.decorate('geography', { getter: current });
  app.decorate('commandQueue', new KeyedMutex());
  app.decorate('householdStates', new HouseholdStateCache(COMMAND_STATE_CACHE_SIZE));
  app.decorate('pseudonymKey', options.pseudonymKey);
  // The route table, for tests that must cover every route (authorization table, fuzzing).
  const routes: Array<{ method: string; url: string }> = [];
  app.decorate('routeTable', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(problemPlugin);
  const addressLimit = options.rateLimitPerAddressPerMinute
    ? new AddressRateLimit(options.rateLimitPerAddressPerMinute)
    : undefined;
  if (addressLimit) await app.register(unauthenticatedLimitPlugin, { limit: addressLimit });
  await app.register(textGuardPlugin);
  await app.register(metricsPlugin);
  await app.register(securityHeadersPlugin, {
    // Swagger UI needs inline scripts and styles on /docs; the API itself serves JSON only.
    contentSecurityPolicy: {
      directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'"] },
    },
  });
  // Without allowed origins CORS is off: no plugin, so no per-request hook that would only decide
  // to add nothing (preflights then answer 404 problem+json, as they did with the plugin disabled).
  if (options.corsOrigins?.length) await app.register(cors, { origin: [...options.corsOrigins] });
  await app.register(
    swagger,
    swaggerOptions({
      info: { title: 'benvung API', version: '1.0.0' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          // The web app's session (see POST /v1/auth/sign-in); unsafe methods also need X-CSRF-Token.
          session: { type: 'apiKey', in: 'cookie', name: 'benvung_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    }),
  );
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(healthRoutes);
  if (options.webRoot) await app.register(webAppPlugin, { root: options.webRoot });

  // Everything under /v1 is authenticated (but sign-in); the rate limit keys on the token's subject
  // (requests without valid credentials spend their address's budget instead, see addressLimit).
  await app.register(async (v1) => {
    await v1.register(noStorePlugin);
    await v1.register(authPlugin, {
      secret: options.jwtSecret,
      ...(options.tokenPolicy ? { tokenPolicy: options.tokenPolicy } : {}),
      ...(addressLimit ? { onUnauthenticated: (request) => addressLimit.spend(request.ip) } : {}),
    });
    if (options.rateLimitPerMinute) {
      const max = options.rateLimitPerMinute;
      await v1.register(rateLimit, {
        max,
        timeWindow: 60_000,
        keyGenerator: (request) => (request.actor.id !== 'anonymous' ? `sub:${request.actor.id}` : `ip:${request.ip}`),
        hook: 'preHandler',
        errorResponseBuilder: (_request, context) => rateLimited(max, 'with this token', context.ttl),
      });
    }
    await v1.register(authRoutes);
    await v1.register(userRoutes);
    await v1.register(householdRoutes);
    await v1.register(commandRoutes);
    await v1.register(erasureRoutes);
    await v1.register(memberRoutes);
    await v1.register(logRoutes);
    await v1.register(reviewRoundRoutes);
    await v1.register(reviewRoundStepRoutes);
    await v1.register(importRoutes);
    await v1.register(auditRoutes);
    await v1.register(adminRoutes);
    await v1.register(ruleRoutes);
    await v1.register(unitRoutes);
    await v1.register(analyticsRoutes);
    await v1.register(analyticsTableRoutes);
    await v1.register(reportRoutes);
    await v1.register(unitFigureRoutes);
  });
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    geography: GatewayGeography;
    units: UnitRegistry;
    geographyService: GeographyService;
    /** Serialises commands on the same household within this process. */
    commandQueue: KeyedMutex;
    /** Decider states of recently commanded households (no personal fields). */
    householdStates: HouseholdStateCache;
    routeTable: ReadonlyArray<{ method: string; url: string }>;
  }
}
