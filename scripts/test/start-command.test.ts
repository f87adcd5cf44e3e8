import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@benvung/embedded-pg';
import { resolveJwtSecret, signToken } from '@benvung/gateway';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const children = new Set<ChildProcess>();

/** `pnpm start` as a new user runs it: no DATABASE_URL, so embedded PostgreSQL with data in DATA_DIR. */
function start(dataDir: string, port: number) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/start.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout?.on('data', (c) => {
    output += c;
  });
  child.stderr?.on('data', (c) => {
    output += c;
  });
  return { child, output: () => output };
}

async function waitForHealth(url: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      if ((await fetch(`${url}/health`)).status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no healthy answer in time');
}

function stop(child: ChildProcess): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve({ code, ms: Date.now() - started }));
    child.kill('SIGTERM');
  });
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('the start command', () => {
  it('serves on embedded PostgreSQL, stops cleanly on SIGTERM and keeps data across restarts', {
    timeout: 120_000,
  }, async () => {
    const parent = await mkdtemp(join(tmpdir(), 'benvung-start-'));
    await chmod(parent, 0o755);
    const dataDir = join(parent, 'data');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    try {
      const first = start(dataDir, port);
      await waitForHealth(url, 90_000);
      expect(first.output()).toContain(`listening on ${url}`);
      // The start command generated a secret in its data directory; `pnpm token` signs with it too.
      const secret = await resolveJwtSecret(undefined, dataDir);
      const auth = `Bearer ${await signToken(secret, { role: 'case_worker', units: ['96'], sub: 'cw-test' })}`;
      expect((await fetch(`${url}/v1/households/${crypto.randomUUID()}`)).status).toBe(401);
      const post = await fetch(`${url}/v1/households`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: auth },
        // A real commune of the national lists (Phường Bạc Liêu): its kind, a ward, makes the household urban.
        body: JSON.stringify({ head: { fullName: 'Đỗ Văn Giang' }, memberCount: 3, unitCode: '31825' }),
      });
      expect(post.status).toBe(201);
      const { householdId } = (await post.json()) as { householdId: string };
      let status = 0;
      for (let i = 0; i < 100 && status !== 200; i++) {
        status = (await fetch(`${url}/v1/households/${householdId}`, { headers: { authorization: auth } })).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 50));
      }
      expect(status).toBe(200);

      const stopped = await stop(first.child);
      expect(stopped.code).toBe(0);
      expect(stopped.ms).toBeLessThan(5000);

      const second = start(dataDir, port);
      await waitForHealth(url, 60_000);
      const again = await fetch(`${url}/v1/households/${householdId}`, { headers: { authorization: auth } });
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({
        householdId,
        headName: 'Đỗ Văn Giang',
        unitCode: '31825',
        area: 'urban',
      });
      expect((await stop(second.child)).code).toBe(0);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});
