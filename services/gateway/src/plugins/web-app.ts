import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Paths the API and its tooling answer; everything else that is not a file is a screen of the app. */
export const SERVER_PATHS = /^\/(v1|docs|openapi\.json|health|ready|metrics)(\/|$|\?)/;

/**
 * Serves the built web app (services/web/dist) at `/`: its files with long caching for the hashed
 * assets, and index.html for every screen address (`/households/…`), so a reload or a shared link
 * opens the right screen. API paths that match nothing stay problem+json 404s.
 */
export const webAppPlugin = fp(
  async (app: FastifyInstance, options: { root: string }) => {
    if (!existsSync(join(options.root, 'index.html'))) {
      app.log.warn({ root: options.root }, 'web app not built: / serves nothing (run `pnpm start` to build it)');
      return;
    }
    await app.register(fastifyStatic, {
      root: options.root,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each file; the one the browser accepts is sent.
      preCompressed: true,
      // Vite names assets by content hash: they never change under the same name.
      setHeaders(reply, path) {
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    const sendIndex = (reply: { header(n: string, v: string): unknown; sendFile(f: string): unknown }) => {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    };
    app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      // A missing asset or an unknown API path is a 404, never the app's page.
      if (SERVER_PATHS.test(request.url) || /\.[a-z0-9]+$/i.test(path)) return reply.callNotFound();
      return sendIndex(reply);
    });
  },
  { name: 'web-app' },
);
