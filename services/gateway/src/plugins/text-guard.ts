import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { HttpProblem } from './problem.js';

/** A surrogate without its pair (broken UTF-16). */
const LONE_SURROGATE = /\p{Cs}/u;
/** NUL or a lone surrogate: what neither text nor jsonb columns hold. */
const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

/** The first path in `value` (keys included) whose text holds an unstorable character, if any. */
function unstorableAt(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return unstorable(value) ? path || '/' : undefined;
  if (typeof value !== 'object' || value === null || depth > 64) return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (unstorable(key)) return `${path}/${[...key].map((c) => (unstorable(c) ? '?' : c)).join('')}`;
    const found = unstorableAt(child, `${path}/${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses, before any route reads them, bodies, queries and path parameters whose text holds a NUL or
 * a lone surrogate: PostgreSQL cannot store either (in text or jsonb), so such a value would otherwise
 * fail deep in a query as a 500. Names and free text have stricter rules of their own (the domain's);
 * this guard is for every other field. Headers never get here: Node's parser refuses a NUL in them,
 * and they cannot hold a surrogate.
 */
export const textGuardPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('preValidation', async (request) => {
      for (const [part, value] of [
        ['body', request.body],
        ['query', request.query],
        ['params', request.params],
      ] as const) {
        const at = unstorableAt(value, '');
        if (at) {
          throw new HttpProblem(
            400,
            'INVALID_TEXT',
            'Invalid text',
            `${part} ${at}: holds a NUL character or a lone surrogate, which cannot be stored`,
            { part, path: at },
          );
        }
      }
    });
  },
  { name: 'text-guard' },
);
