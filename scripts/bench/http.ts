/**
 * `pnpm bench http`: the gateway under autocannon on a real PostgreSQL, in one run — a bare Fastify
 * route (baseline), GET /v1/households/{id}, and a support-action command, at 8 and 32 connections.
 * Prints req/s, p50 and p99 with the ratios to the bare route; the last line is one JSON object.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { signToken } from '@benvung/gateway';
import autocannon from 'autocannon';
import { openBenchDatabase } from './lib/bench-database.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 6);
const HOUSEHOLDS = 400;
const UNIT = '96001';

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function run(options: autocannon.Options): Promise<Figures> {
  return new Promise((resolve, reject) => {
    autocannon(options, (err, result) => {
      if (err) reject(err);
      else
        resolve({
          rps: Math.round(result.requests.average),
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors,
          non2xx: result.non2xx,
        });
    });
  });
}

async function main() {
  // A scratch database of its own (on DATABASE_URL's server if set), so no developer data is written to.
  const db = await openBenchDatabase();
  const secret = 'bench-secret-bench-secret-bench-secret!';
  const target = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./lib/http-target.ts', import.meta.url).pathname],
    {
      env: { ...process.env, DATABASE_URL: db.url, AUTH_JWT_SECRET: secret },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const firstLine = await new Promise<string>((resolve, reject) => {
      createInterface({ input: target.stdout }).once('line', resolve);
      target.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    });
    const { gateway, baseline } = JSON.parse(firstLine) as { gateway: string; baseline: string };
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
    // The server may have died already (then 'exit' has fired); either way the scratch database goes.
    if (target.exitCode === null && target.signalCode === null) {
      const exited = new Promise((r) => target.once('exit', r));
      target.kill('SIGTERM');
      await exited;
    }
    await db.release();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
