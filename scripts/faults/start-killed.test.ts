import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, isAlive, openLocalDatabase, pgCtlStop, readPostmasterPid } from '@benvung/embedded-pg';
import { afterAll, describe, expect, it } from 'vitest';
import { expectConsistentReadiness, expectProperUnavailable, pause, serverErrors, tally } from './support/checks.js';
import { type ServiceProcess, startCommand, waitForHealth } from './support/gateway-process.js';
import { startLoad } from './support/load.js';
import { checkLog, waitForProjections } from './support/log-check.js';
import { projectionNames, recovered, sampleReadiness } from './support/ready-sampler.js';

const services: ServiceProcess[] = [];
let parent: string | undefined;
afterAll(async () => {
  for (const s of services) await s.stop();
  if (!parent) return;
  // Should a failure have left a server behind, it must not outlive its removed directory.
  const left = await readPostmasterPid(join(parent, 'data', 'pg'));
  if (left && (await isAlive(left.pid))) await pgCtlStop(join(parent, 'data', 'pg'), 'immediate', 30);
  await rm(parent, { recursive: true, force: true });
});

describe('the start command killed with SIGKILL under write load (embedded PostgreSQL)', () => {
  it('starts again on the same DATA_DIR, taking over from the server it left behind, and loses nothing acknowledged', async () => {
    parent = await mkdtemp(join(tmpdir(), 'benvung-faults-start-'));
    // As root the server runs as `postgres`, which must be able to enter the directory.
    await chmod(parent, 0o755);
    const dataDir = join(parent, 'data');
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const first = startCommand({ port, dataDir });
    services.push(first);
    await waitForHealth(baseUrl, first, 90_000);
    const began = Date.now();
    const names = await projectionNames(baseUrl);

    const readiness = sampleReadiness(() => baseUrl);
    const load = await startLoad(() => baseUrl, { writers: 15, readers: 3 });
    await pause(3000);
    const orphan = await readPostmasterPid(join(dataDir, 'pg'));
    const killing = Date.now();
    first.child.kill('SIGKILL');
    await first.exited;
    const killed = Date.now();
    // At once, as a supervisor or an impatient person would: the server of the killed start still runs.
    const orphanAliveAtRestart = await isAlive(orphan?.pid ?? 0);
    const second = startCommand({ port, dataDir });
    services.push(second);
    await waitForHealth(baseUrl, second, 60_000);
    const back = Date.now();
    await pause(3000);
    await load.stop();
    expect(second.alive(), second.output().slice(-3000)).toBe(true);

    const local = await openLocalDatabase({ dataDir });
    await waitForProjections(local.url, names, 30_000 - (Date.now() - back));
    const caughtUpMs = Date.now() - back;
    let last = readiness.samples.at(-1);
    while (!recovered(last) && Date.now() - back < 30_000) {
      await pause(250);
      last = readiness.samples.at(-1);
    }
    await readiness.stop();
    const readyAgain = readiness.samples.find((s) => s.sentAt >= back && recovered(s));
    const log = await checkLog(local.url, load.acknowledged);
    const now = await readPostmasterPid(join(dataDir, 'pg'));

    console.log(
      `[faults] start killed: ${Math.round((Date.now() - began) / 1000)} s; restart healthy ${back - killed} ms after the kill ` +
        `(old server ${orphanAliveAtRestart ? 'still running' : 'already stopped'} then; ` +
        `${second.output().includes('left running by an earlier start') ? 'taken over by the start' : 'stopped by its watchdog'}); ` +
        `answers ${JSON.stringify(tally(load.exchanges))}; ${load.acknowledged.length} writes acknowledged in ` +
        `${log.streams} streams; /ready ready again ${readyAgain ? readyAgain.receivedAt - back : '∞'} ms and the log ` +
        `fully projected ${caughtUpMs} ms after the restart`,
    );
    expect(orphan?.pid).toBeGreaterThan(0);
    expect(await isAlive(orphan?.pid ?? 0)).toBe(false);
    expect(now?.pid).not.toBe(orphan?.pid);
    expect(serverErrors(load.exchanges)).toEqual([]);
    expectProperUnavailable(load.exchanges);
    // Unanswered only from the kill until the new start command listened.
    expect(load.exchanges.filter((e) => e.status === 0 && (e.receivedAt < killing || e.sentAt > back))).toEqual([]);
    expect(load.acknowledged.filter((a) => a.at < killed).length).toBeGreaterThan(0);
    expect(load.acknowledged.filter((a) => a.at > back).length).toBeGreaterThan(0);
    expect(log.problems).toEqual([]);
    expect(log.brokenChains).toEqual([]);
    expect(readiness.samples.filter((s) => s.status === 0 && (s.receivedAt < killing || s.sentAt > back))).toEqual([]);
    expectConsistentReadiness(readiness.samples);
    expect(recovered(last), JSON.stringify(last)).toBe(true);
    expect((readyAgain?.receivedAt ?? Number.POSITIVE_INFINITY) - back).toBeLessThan(30_000);
  });
});
