import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AddressRateLimit } from '../application/address-rate-limit.js';
import { SERVER_PATHS } from './web-app.js';

/** Routes whose credentials the auth plugin checks: it spends the address's budget when they fail. */
const checksCredentials = (request: FastifyRequest): boolean =>
  Boolean(request.routeOptions.url?.startsWith('/v1/')) && !request.routeOptions.config.public;

/**
 * Spends the client address's budget (see AddressRateLimit) on every request to the API and its
 * tooling that needs no credentials: /health, /ready, /metrics, the API description, sign-in, unknown
 * routes. Authenticated routes spend it only when authentication fails (the auth plugin's
 * `onUnauthenticated`). The web app's files are not counted: a browser loads several at once, they
 * are static, and people behind one address load them together.
 */
export const unauthenticatedLimitPlugin = fp(
  async (app: FastifyInstance, options: { limit: AddressRateLimit }) => {
    app.addHook('onRequest', async (request) => {
      if (!SERVER_PATHS.test(request.url) || checksCredentials(request)) return;
      options.limit.spend(request.ip);
    });
  },
  { name: 'unauthenticated-limit' },
);
