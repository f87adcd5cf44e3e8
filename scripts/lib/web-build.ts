import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
export const WEB_DIR = join(root, 'services/web');
export const WEB_DIST = join(WEB_DIR, 'dist');
const STAMP = join(WEB_DIST, '.build-stamp');

/** What the web build reads: the app, the domain it bundles, and the locked dependency versions. */
const INPUTS = [
  'services/web/src',
  'services/web/public',
  'services/web/index.html',
  'services/web/vite.config.ts',
  'services/web/package.json',
  'packages/domain/src',
  'packages/domain/rules',
  'packages/domain/package.json',
  'pnpm-lock.yaml',
];

async function files(path: string): Promise<string[]> {
  if (!existsSync(path)) return [];
  const entries = await readdir(path, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return [path];
  const nested = await Promise.all(entries.map((e) => files(join(path, e.name))));
  return nested.flat();
}

/** A digest of every input's path and content: equal digests, equal builds. */
export async function webSourceDigest(): Promise<string> {
  const hash = createHash('sha256');
  const all = (await Promise.all(INPUTS.map((p) => files(join(root, p))))).flat().sort();
  for (const file of all) {
    hash.update(relative(root, file));
    hash.update('\0');
    hash.update(await readFile(file));
  }
  return hash.digest('hex');
}

/** True when dist/ was built from the current sources. */
export async function webBuildIsCurrent(digest?: string): Promise<boolean> {
  if (!existsSync(join(WEB_DIST, 'index.html')) || !existsSync(STAMP)) return false;
  return (await readFile(STAMP, 'utf8')).trim() === (digest ?? (await webSourceDigest()));
}

/**
 * Builds the web app when the build is missing or older than its sources (vite, in a child process),
 * then records the digest it was built from. Resolves to whether it built.
 */
export async function ensureWebBuild(log: (message: string) => void): Promise<boolean> {
  const digest = await webSourceDigest();
  if (await webBuildIsCurrent(digest)) return false;
  log('building the web app (services/web) — the first start takes a minute');
  const vite = join(WEB_DIR, 'node_modules/vite/bin/vite.js');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: WEB_DIR, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`web build failed (exit ${code})`))));
  });
  await writeFile(STAMP, `${digest}\n`);
  log('web app built');
  return true;
}
