import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  isAlive,
  pgCtlStart,
  pgCtlStop,
  readPostmasterPid,
  serverFlags,
  startEmbeddedPostgres,
} from '../src/index.js';

const root = new URL('../../..', import.meta.url).pathname;
const fixture = new URL('./fixtures/start-and-hang.ts', import.meta.url).pathname;

let dir: string;
const dataDir = () => join(dir, 'pg');
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'benvung-orphan-'));
  await chmod(dir, 0o755);
  // Initialise the cluster once; every test starts from a stopped server.
  await (await startEmbeddedPostgres({ dir, persistent: true })).stop();
});
afterAll(async () => {
  await pgCtlStop(dataDir(), 'immediate', 10);
  await rm(dir, { recursive: true, force: true });
});

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function gone(pid: number, withinMs: number): Promise<boolean> {
  for (const until = Date.now() + withinMs; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    if (!(await isAlive(pid))) return true;
  }
  return false;
}

/** A process that has exited: its pid names no process (until the system reuses it). */
async function deadPid(): Promise<number> {
  const child = spawn('true');
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? 999_999;
}

describe('a data directory whose server outlived its owner', () => {
  it('is taken over: the server left running is stopped, and a new one starts on the same data', async () => {
    // A server of this data directory nobody here started (its starter gone): an orphan.
    const orphanPort = await freePort();
    await pgCtlStart(dataDir(), orphanPort, serverFlags(false));
    const orphan = await readPostmasterPid(dataDir());
    expect(orphan?.port).toBe(orphanPort);

    const server = await startEmbeddedPostgres({ dir, persistent: true });
    try {
      expect(await isAlive(orphan?.pid ?? 0)).toBe(false);
      expect(await answers(server.url)).toBe(true);
    } finally {
      await server.stop();
    }
  }, 90_000);

  it('starts over a stale postmaster.pid, whether its pid is gone or reused by another program', async () => {
    const stale = (pid: number) =>
      writeFile(
        join(dataDir(), 'postmaster.pid'),
        `${pid}\n${dataDir()}\n1700000000\n5999\n\n127.0.0.1\n  0  0\nready\n`,
      );
    await stale(await deadPid());
    const first = await startEmbeddedPostgres({ dir, persistent: true });
    expect(await answers(first.url)).toBe(true);
    await first.stop();

    const other = spawn('sleep', ['60']);
    try {
      await stale(other.pid ?? 0);
      const second = await startEmbeddedPostgres({ dir, persistent: true });
      expect(await answers(second.url)).toBe(true);
      await second.stop();
      // The unrelated program was not touched.
      expect(other.exitCode).toBeNull();
      expect(await isAlive(other.pid ?? 0)).toBe(true);
    } finally {
      other.kill('SIGKILL');
    }
  }, 90_000);

  it('is stopped by its watchdog when the process that started it is killed with SIGKILL', async () => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', fixture, dir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const started = await new Promise<{ postmasterPid: number; port: number }>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (chunk) => {
        out += chunk;
        if (out.includes('\n')) resolve(JSON.parse(out));
      });
      child.once('exit', (code) => reject(new Error(`the fixture exited with ${code}`)));
    });
    expect(await isAlive(started.postmasterPid)).toBe(true);
    child.kill('SIGKILL');
    expect(await gone(started.postmasterPid, 20_000)).toBe(true);
    // It shut down cleanly: no lock left behind.
    expect(await readPostmasterPid(dataDir())).toBeUndefined();
  }, 90_000);
});
