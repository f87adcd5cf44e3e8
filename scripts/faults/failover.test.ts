import { freePort } from '@benvung/embedded-pg';
import { signToken } from '@benvung/gateway';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectConsistentReadiness, expectProperUnavailable, pause, serverErrors, tally } from './support/checks.js';
import { FAULT_JWT_SECRET, type ServiceProcess, startCommand, waitForHealth } from './support/gateway-process.js';
import { type Exchange, startLoad } from './support/load.js';
import { checkLog, waitForProjections } from './support/log-check.js';
import { projectionNames, recovered, sampleReadiness } from './support/ready-sampler.js';
import { postgresBinDir, type ReplicatedPair, startReplicatedPair } from './support/replicated-pair.js';

/** How long the single-host gateway is watched failing after the failover (it must not recover). */
const WATCH_SINGLE_HOST_MS = 10_000;
const RECOVERY_BUDGET_MS = 30_000;

const binDir = await postgresBinDir();
if (!binDir)
  console.warn(
    '[faults] failover: skipped — no initdb/pg_ctl/pg_basebackup (pg_config --bindir, /usr/lib/postgresql/*/bin)',
  );

let pair: ReplicatedPair | undefined;
const services: ServiceProcess[] = [];
beforeAll(async () => {
  if (binDir) pair = await startReplicatedPair(binDir);
});
afterAll(async () => {
  for (const s of services) await s.stop();
  await pair?.dispose();
});

/** Writes acknowledged (201) that were sent after `t`: only a server that took over can have stored them. */
const acknowledgedSentAfter = (exchanges: readonly Exchange[], t: number) =>
  exchanges.filter((e) => e.status === 201 && e.sentAt >= t);

describe.skipIf(!binDir)('the primary fails over to its synchronous standby under write load', () => {
  it('a gateway given both hosts reconnects to the promoted standby by itself; one given the primary alone does not', async () => {
    if (!pair) throw new Error('no replicated pair');
    const began = Date.now();
    const { primaryPort, standbyPort } = pair;
    const bothHosts = `postgres://postgres@127.0.0.1:${primaryPort},127.0.0.1:${standbyPort}/benvung?target_session_attrs=read-write`;
    const primaryOnly = `postgres://postgres@127.0.0.1:${primaryPort}/benvung?target_session_attrs=read-write`;

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    // Analytics and reports read from the standby while it is one.
    const gateway = startCommand({
      port,
      databaseUrl: bothHosts,
      env: { DATABASE_READ_URL: pair.url(standbyPort, 'benvung') },
    });
    services.push(gateway);
    await waitForHealth(baseUrl, gateway, 90_000);
    // The control: the same gateway, told of the primary only. It leaves projections to the other.
    const singlePort = await freePort();
    const singleUrl = `http://127.0.0.1:${singlePort}`;
    const single = startCommand({ port: singlePort, databaseUrl: primaryOnly, env: { RUN_PROJECTOR: 'false' } });
    services.push(single);
    await waitForHealth(singleUrl, single, 90_000);
    const names = await projectionNames(baseUrl);

    const replicaBefore = await replicaOf(baseUrl);
    const reportOnStandby = await balanceReport(baseUrl);
    const readiness = sampleReadiness(() => baseUrl);
    const load = await startLoad(() => baseUrl, { writers: 10, readers: 2 });
    const singleLoad = await startLoad(() => singleUrl, { writers: 3, readers: 0 });
    await pause(3000);
    await pair.promoteStandby();
    await pair.stopPrimary();
    const failedOver = Date.now();

    // Load goes on until the gateway writes again, and long enough to see the control not doing so.
    let back: Exchange | undefined;
    while (Date.now() - failedOver < RECOVERY_BUDGET_MS) {
      back = acknowledgedSentAfter(load.exchanges, failedOver)[0];
      if (back && Date.now() - failedOver >= WATCH_SINGLE_HOST_MS) break;
      await pause(200);
    }
    await pause(back ? 2000 : 0);
    await singleLoad.stop();
    await load.stop();
    // First of all, both processes are still there (a crash would show in their output).
    expect(gateway.alive(), gateway.output().slice(-3000)).toBe(true);
    expect(single.alive(), single.output().slice(-3000)).toBe(true);
    expect(back, `no write acknowledged after the failover: ${gateway.output().slice(-3000)}`).toBeDefined();
    const recoveredMs = (back?.receivedAt ?? Number.POSITIVE_INFINITY) - failedOver;

    const newPrimary = pair.url(standbyPort, 'benvung');
    const caughtUpMs = await waitForProjections(newPrimary, names, RECOVERY_BUDGET_MS);
    let last = readiness.samples.at(-1);
    while (!recovered(last) && Date.now() - failedOver < 2 * RECOVERY_BUDGET_MS) {
      await pause(250);
      last = readiness.samples.at(-1);
    }
    await readiness.stop();
    const acknowledged = [...load.acknowledged, ...singleLoad.acknowledged];
    const log = await checkLog(newPrimary, acknowledged);
    const inRecovery = await onNewPrimary(newPrimary);
    const singleAfter = singleLoad.exchanges.filter((e) => e.sentAt >= failedOver);

    console.log(
      `[faults] failover: ${Math.round((Date.now() - began) / 1000)} s; writes again ${recoveredMs} ms after the ` +
        `primary stopped; ${load.acknowledged.length} + ${singleLoad.acknowledged.length} (primary only) writes ` +
        `acknowledged in ${log.streams} streams, ${log.events} events checked on the new primary; answers ` +
        `${JSON.stringify(tally(load.exchanges))}; primary-only gateway after the failover ` +
        `${JSON.stringify(tally(singleAfter))}; projections caught up ${caughtUpMs} ms after the load stopped`,
    );
    expect(inRecovery).toBe(false);
    expect(reportOnStandby.status, reportOnStandby.body).toBe(200);
    expect(replicaBefore).toMatchObject({ database: 'ok', standby: true });
    expect(replicaBefore?.replayLagBytes).toBeGreaterThanOrEqual(0);
    expect(replicaBefore?.staleSeconds).toBeGreaterThanOrEqual(0);
    // Promoted, the replica is a primary: nothing to lag behind.
    expect(await replicaOf(baseUrl)).toMatchObject({ database: 'ok', standby: false, replayLagBytes: 0 });
    expect(recoveredMs).toBeLessThan(RECOVERY_BUDGET_MS);
    expect(load.acknowledged.filter((a) => a.at < failedOver).length).toBeGreaterThan(0);
    expect(acknowledgedSentAfter(load.exchanges, failedOver).length).toBeGreaterThan(10);
    expect(serverErrors(load.exchanges)).toEqual([]);
    expectProperUnavailable(load.exchanges);
    expect(load.exchanges.filter((e) => e.status === 0)).toEqual([]);
    // Every write that got 201, from either gateway, is on the new primary exactly once; chains verify.
    expect(log.problems).toEqual([]);
    expect(log.brokenChains).toEqual([]);
    expect(recovered(last), JSON.stringify(last)).toBe(true);
    expectConsistentReadiness(readiness.samples);

    // The control: told of the primary alone, the gateway has nowhere to go. It stays up and answers
    // 503 DATABASE_UNAVAILABLE, and stores nothing, for as long as it was watched.
    expect(singleLoad.acknowledged.filter((a) => a.at < failedOver).length).toBeGreaterThan(0);
    expect(acknowledgedSentAfter(singleLoad.exchanges, failedOver)).toEqual([]);
    expect(singleAfter.length).toBeGreaterThan(20);
    expect(singleAfter.filter((e) => !(e.status === 503 && e.code === 'DATABASE_UNAVAILABLE'))).toEqual([]);
    expect(Math.max(...singleAfter.map((e) => e.receivedAt)) - failedOver).toBeGreaterThanOrEqual(WATCH_SINGLE_HOST_MS);
  }, 180_000);
});

async function onNewPrimary(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')).rows[0]?.r ?? true;
  } finally {
    await client.end();
  }
}

/** What /ready says about DATABASE_READ_URL's replica. */
async function replicaOf(baseUrl: string): Promise<Record<string, unknown> | undefined> {
  const body = (await (await fetch(`${baseUrl}/ready`)).json()) as { checks: { replica?: Record<string, unknown> } };
  return body.checks.replica;
}

/** A report, which reads the read models on DATABASE_READ_URL. */
async function balanceReport(baseUrl: string): Promise<{ status: number; body: string }> {
  const token = await signToken(
    new TextEncoder().encode(FAULT_JWT_SECRET),
    { role: 'case_worker', units: ['96'], sub: 'failover-reader' },
    600,
  );
  const r = await fetch(`${baseUrl}/v1/reports/balance?year=${new Date().getFullYear()}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: r.status, body: await r.text() };
}
