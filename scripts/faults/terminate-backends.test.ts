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
import { projectionNames, recovered, sampleReadiness } from './support/ready-sampler.js';

let cluster: FaultCluster;
const services: ServiceProcess[] = [];
beforeAll(async () => {
  cluster = await startFaultCluster();
});
afterAll(async () => {
  for (const s of services) await s.stop();
  await cluster?.dispose();
});

describe('every connection of the gateway and the projector terminated under write load', () => {
  it('keeps both processes up, answers 503 (never 500), stores each acknowledged write once, and catches up', async () => {
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
    await pause(2500);
    const terminated: number[] = [];
    for (let round = 0; round < 5; round++) {
      terminated.push(await cluster.terminateAll());
      await pause(800);
    }
    const lastCut = Date.now();
    await pause(2000);
    await load.stop();
    // First of all, the processes are still there (a crash would show in their output).
    expect(gateway.alive(), gateway.output().slice(-3000)).toBe(true);
    expect(projector.alive(), projector.output().slice(-3000)).toBe(true);

    const caughtUpMs = await waitForProjections(cluster.databaseUrl, names, 30_000 - (Date.now() - lastCut));
    let last = readiness.samples.at(-1);
    while (!recovered(last) && Date.now() - lastCut < 30_000) {
      await pause(250);
      last = readiness.samples.at(-1);
    }
    await readiness.stop();
    const log = await checkLog(cluster.databaseUrl, load.acknowledged);

    console.log(
      `[faults] terminate backends: ${Math.round((Date.now() - began) / 1000)} s; terminated ${terminated.join('+')} connections; ` +
        `answers ${JSON.stringify(tally(load.exchanges))}; ${load.acknowledged.length} writes acknowledged in ` +
        `${log.streams} streams; projections caught up ${caughtUpMs} ms after the writers stopped`,
    );
    expect(terminated.every((n) => n > 0)).toBe(true);
    // The cuts reached connections in use, and the services said so rather than dying.
    expect(gateway.output()).toContain('database connection lost');
    expect(serverErrors(load.exchanges)).toEqual([]);
    expectProperUnavailable(load.exchanges);
    expect(load.exchanges.filter((e) => e.status === 0)).toEqual([]);
    expect(load.acknowledged.filter((a) => a.at > lastCut).length).toBeGreaterThan(0);
    expect(log.problems).toEqual([]);
    expect(log.brokenChains).toEqual([]);
    expect(readiness.samples.filter((s) => s.status === 0)).toEqual([]);
    expectConsistentReadiness(readiness.samples);
    expect(recovered(last), JSON.stringify(last)).toBe(true);
  });
});
