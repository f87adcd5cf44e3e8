import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webAppPlugin } from '../src/plugins/web-app.js';

/**
 * The web app's files at `/`: every screen address answers its page (a reload or a shared link
 * opens the screen), API paths and missing files stay 404s, hashed assets are cached for good and
 * sent compressed to browsers that accept it.
 */
let root: string;
let app: FastifyInstance;
const script = 'console.log("benvung");'.repeat(100);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'benvung-web-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>benvung</title>');
  await writeFile(join(root, 'assets/index-abc123.js'), script);
  await writeFile(join(root, 'assets/index-abc123.js.gz'), gzipSync(script));
  app = Fastify();
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).type('application/problem+json').send({ code: 'NOT_FOUND' }),
  );
  await app.register(webAppPlugin, { root });
  app.get('/v1/households', async () => ({ households: [] }));
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await rm(root, { recursive: true, force: true });
});

describe('the web app at /', () => {
  it('answers the page for the root and for every screen address, never cached', async () => {
    for (const url of ['/', '/households', '/households/5b0f6f2e-0000-4000-8000-000000000000/review', '/sign-in?x=1']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<title>benvung</title>');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('leaves API routes alone, and unknown API paths and missing files as 404 problems', async () => {
    expect((await app.inject({ url: '/v1/households' })).json()).toEqual({ households: [] });
    for (const url of ['/v1/nothing-here', '/docs/x', '/assets/missing-000.js', '/favicon.png']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('serves hashed assets cached for good, gzipped when the browser accepts it', async () => {
    const plain = await app.inject({ url: '/assets/index-abc123.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toBe(script);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const zipped = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(Number(zipped.headers['content-length'])).toBeLessThan(script.length);
  });
});
