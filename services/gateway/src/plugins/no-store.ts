import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * `Cache-Control: no-store` on every response of the scope it is registered in (the /v1 API): the
 * answers carry names, ID numbers, histories and accounts, and no browser, proxy or shared office
 * computer may keep them. Errors too: a problem can name a household. One rule for the whole API,
 * rather than a list of personal routes that a new route could be missing from.
 */
export const noStorePlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });
  },
  { name: 'no-store' },
);
