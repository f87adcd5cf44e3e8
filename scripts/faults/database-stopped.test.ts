import { freePort } from '@benvung/embedded-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectConsistentReadiness, expectProperUnavailable, pause, serverErrors, tally } from './support/checks.js';
import { type FaultCluster, startFaultCluster } from './support/cluster.js';
import {
  projectorService,
  type ServiceProcess,
  startCommand,
  waitForHealth,
  waitForOutput,
} from './support/gateway-process.js';
import { startLoad } from './support/load.js';
import { checkLog, waitForProjections } from './support/log-check.js';
import { projectionNames, recovered, sampleReadiness, within } from './support/ready-sampler.js';

const OUTAGE_MS = 10_000;

let cluster: FaultCluster;
const services: ServiceProcess[] = [];
beforeAll(async () => {
  cluster = await startFaultCluster();
});
afterAll(async () => {
  for (const s of services) await s.stop();
  await cluster?.dispose();
});

describe('the database stopped (pg_ctl stop -m immediate) for 10 s under write load', () => {
  it('answers 503 DATABASE_UNAVAILABLE meanwhile, says not ready, and resumes by itself when it is back', async () => {
    const began = Date.now();
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const gateway = startCommand({ port, databaseUrl: cluster.databaseUrl });
    services.push(gateway);
    await waitForHealth(baseUrl, gateway);
    const projector = projectorService(cluster.databaseUrl);
    services.push(projector);
    await waitForOutput(projector, 'projector running');
    const names = await projectionNames(baseUrl);

    const readiness = sampleReadiness(() => baseUrl);
    const load = await startLoad(() => baseUrl, { writers: 15, readers: 3 });
    await pause(3000);
    await cluster.server.halt('immediate');
    const down = Date.now();
    await pause(OUTAGE_MS);
    const restarting = Date.now();
    await cluster.server.resume();
    const back = Date.now();
    await pause(3000);
    await load.stop();
    // First of all, the processes are still there (a crash would show in their output).
    expect(gateway.alive(), gateway.output().slice(-3000)).toBe(true);
    expect(projector.alive(), projector.output().slice(-3000)).toBe(true);

    await waitForProjections(cluster.databaseUrl, names, 30_000 - (Date.now() - back));
    const caughtUpMs = Date.now() - back;
    let last = readiness.samples.at(-1);
    while (!recovered(last) && Date.now() - back < 30_000) {
      await pause(250);
      last = readiness.samples.at(-1);
    }
    await readiness.stop();
    const readyAgain = readiness.samples.find((s) => s.sentAt >= back && recovered(s));
    const log = await checkLog(cluster.databaseUrl, load.acknowledged);

    // Asked after the server had stopped and answered before it was started again.
    const duringOutage = load.exchanges.filter((e) => e.sentAt >= down && e.receivedAt <= restarting);
    const readyDuringOutage = within(readiness.samples, down, restarting);
    console.log(
      `[faults] database stopped: ${Math.round((Date.now() - began) / 1000)} s; outage ${restarting - down} ms, ` +
        `restart ${back - restarting} ms; answers ${JSON.stringify(tally(load.exchanges))} ` +
        `(during the outage ${JSON.stringify(tally(duringOutage))}); ${load.acknowledged.length} writes acknowledged ` +
        `in ${log.streams} streams; /ready sampled ${readyDuringOutage.length} times during the outage; ` +
        `/ready ready again ${readyAgain ? readyAgain.receivedAt - back : '∞'} ms and the log fully projected ` +
        `${caughtUpMs} ms after the database returned (writers ran 3 s of it)`,
    );
    expect(serverErrors(load.exchanges)).toEqual([]);
    expectProperUnavailable(load.exchanges);
    expect(load.exchanges.filter((e) => e.status === 0)).toEqual([]);
    expect(duringOutage.length).toBeGreaterThan(50);
    expect(duringOutage.filter((e) => e.status !== 503)).toEqual([]);
    // Both projectors waited for the database, retrying, and neither gave up.
    expect(gateway.output()).toContain('retrying');
    expect(projector.output()).toContain('retrying');
    expect(load.acknowledged.filter((a) => a.at < down).length).toBeGreaterThan(0);
    expect(load.acknowledged.filter((a) => a.at > back).length).toBeGreaterThan(0);
    expect(log.problems).toEqual([]);
    expect(log.brokenChains).toEqual([]);
    expect(readiness.samples.filter((s) => s.status === 0)).toEqual([]);
    expect(readyDuringOutage.length).toBeGreaterThan(20);
    for (const s of readyDuringOutage) {
      expect(s.status, JSON.stringify(s)).toBe(503);
      expect(s.body?.checks.database).toBe('failing');
    }
    expectConsistentReadiness(readiness.samples);
    expect(recovered(last), JSON.stringify(last)).toBe(true);
    expect((readyAgain?.receivedAt ?? Number.POSITIVE_INFINITY) - back).toBeLessThan(30_000);
  });
});
