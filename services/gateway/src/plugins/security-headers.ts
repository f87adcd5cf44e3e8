import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

/** Helmet's options, with CSP directives as plain strings (no per-request functions or nonces). */
export type SecurityHeaderOptions = Omit<HelmetOptions, 'contentSecurityPolicy'> & {
  contentSecurityPolicy?: { directives: Record<string, readonly string[]> };
};

/**
 * The headers helmet sets for `options`. With static directives they are the same on every response,
 * so they are worked out once, by running helmet's middleware against a recorder, instead of
 * building and running it on each request (which re-parses the CSP directives every time).
 */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options as HelmetOptions)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}

/** Helmet's security headers on every response, errors and 404s included. */
export const securityHeadersPlugin = fp(
  async (app: FastifyInstance, options: SecurityHeaderOptions) => {
    const headers = securityHeaders(options);
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
  },
  { name: 'security-headers' },
);
