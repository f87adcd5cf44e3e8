/**
 * `pnpm bench http`: the gateway under autocannon on a real PostgreSQL, in one run — a bare Fastify
 * route (baseline), GET /v1/households/{id}, and a support-action command, at 8 and 32 connections.
 * Prints req/s, p50 and p99 with the ratios to the bare route; the last line is one JSON object.
 */
import { randomUUID } from 'node:crypto';
import { signToken } from '@benvung/gateway';
import { type LoadFigures, runLoad } from './lib/autocannon-run.js';
import { openBenchDatabase } from './lib/bench-database.js';
import { startHttpTarget } from './lib/http-target-process.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 6);
const HOUSEHOLDS = 400;
const UNIT = '96001';

type Figures = LoadFigures;
const run = runLoad;

async function main() {
  // A scratch database of its own (on DATABASE_URL's server if set), so no developer data is written to.
  const db = await openBenchDatabase();
  const secret = 'bench-secret-bench-secret-bench-secret!';
  const target = await startHttpTarget(db.url, secret).catch(async (err: unknown) => {
    await db.release();
    throw err;
  });
  const { gateway, baseline } = target;
  try {
    const token = await signToken(new TextEncoder().encode(secret), {
      role: 'case_worker',
      units: [UNIT],
      sub: 'bench',
    });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    // Households to read and to log support on (commands spread over them, as case workers would).
    const ids: string[] = [];
    for (let i = 0; i < HOUSEHOLDS; i++) {
      const id = randomUUID();
      const r = await fetch(`${gateway}/v1/households`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          householdId: id,
          head: { fullName: `Hộ ${i}` },
          memberCount: 4,
          area: 'rural',
          unitCode: UNIT,
          occurredAt: '2025-09-01',
        }),
      });
      if (r.status !== 201) throw new Error(`seeding failed: ${r.status} ${await r.text()}`);
      ids.push(id);
    }
    const last = ids.at(-1) as string;
    for (let i = 0; i < 200; i++) {
      if ((await fetch(`${gateway}/v1/households/${last}`, { headers })).status === 200) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    let n = 0;
    const pick = () => ids[n++ % ids.length] as string;
    const results: Record<string, Figures> = {};
    for (const connections of [8, 32]) {
      results[`bare_c${connections}`] = await run({ url: `${baseline}/bare`, connections, duration: DURATION_S });
      results[`get_c${connections}`] = await run({
        url: gateway,
        connections,
        duration: DURATION_S,
        headers,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/v1/households/${pick()}` }) }],
      });
      results[`command_c${connections}`] = await run({
        url: gateway,
        connections,
        duration: DURATION_S,
        headers,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => ({
              ...req,
              path: `/v1/households/${pick()}/support-actions`,
              body: JSON.stringify({
                kind: 'job_placement',
                channel: 'local_employer',
                employer: 'bench',
                occurredAt: '2025-10-01',
              }),
            }),
          },
        ],
      });
    }
    console.log('\nscenario        conns     req/s   p50 ms   p99 ms   errors  non-2xx   ratio req/s to bare');
    const summary: Record<string, unknown> = { durationSeconds: DURATION_S };
    for (const connections of [8, 32]) {
      const bare = results[`bare_c${connections}`] as Figures;
      for (const name of ['bare', 'get', 'command']) {
        const f = results[`${name}_c${connections}`] as Figures;
        const ratio = f.rps / bare.rps;
        console.log(
          `${name.padEnd(14)} ${String(connections).padStart(6)} ${String(f.rps).padStart(9)} ${String(f.p50).padStart(8)} ${String(f.p99).padStart(8)} ${String(f.errors).padStart(8)} ${String(f.non2xx).padStart(8)}   ${ratio.toFixed(3)}`,
        );
        summary[`${name}_c${connections}`] = { ...f, ratioToBare: Number(ratio.toFixed(4)) };
      }
    }
    console.log(JSON.stringify(summary));
  } finally {
    await target.stop();
    await db.release();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
