import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';

/**
 * The JavaScript a phone downloads before the first screen — the entry script and the modules the page
 * preloads — stays under 300 KB gzipped. Screens load their own code when first opened.
 */
const BUDGET_BYTES = 300 * 1024;
const webDir = new URL('../..', import.meta.url).pathname;
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'benvung-web-build-'));
  await promisify(execFile)(
    process.execPath,
    [
      join(webDir, 'node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { cwd: webDir },
  );
}, 180_000);
afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

it('initial JavaScript is under 300 KB gzipped', async () => {
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const initial = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1] ?? '');
  expect(initial.length).toBeGreaterThan(0);
  let total = 0;
  for (const path of new Set(initial)) total += gzipSync(await readFile(join(outDir, path))).length;
  console.info(`initial JavaScript: ${(total / 1024).toFixed(1)} KB gzipped in ${new Set(initial).size} files`);
  expect(total).toBeLessThan(BUDGET_BYTES);
});
