import { householdStreamId } from '@benvung/domain';
import { PostgresEventStore, type RecordedEvent } from '@benvung/event-store';
import { createReadModelDb, projectionLags } from '@benvung/projections';
import type { AcknowledgedWrite } from './load.js';

export interface LogReport {
  streams: number;
  events: number;
  /** Acknowledged writes not found at their version, or found more than once. */
  problems: string[];
  /** Streams whose hash chain does not verify. */
  brokenChains: string[];
}

/**
 * Reads the event store directly: every acknowledged write is in its household's stream exactly once
 * (by the Idempotency-Key the gateway puts in each event's metadata), at the version it was
 * acknowledged with, no key appears twice anywhere, and every touched stream's hash chain verifies.
 */
export async function checkLog(databaseUrl: string, acknowledged: readonly AcknowledgedWrite[]): Promise<LogReport> {
  const store = new PostgresEventStore({ connectionString: databaseUrl, maxPoolSize: 4 });
  try {
    const byHousehold = new Map<string, AcknowledgedWrite[]>();
    for (const a of acknowledged) byHousehold.set(a.householdId, [...(byHousehold.get(a.householdId) ?? []), a]);
    const problems: string[] = [];
    const brokenChains: string[] = [];
    let events = 0;
    for (const [householdId, writes] of byHousehold) {
      const stream = await store.readStream(householdStreamId(householdId));
      events += stream.length;
      const byKey = new Map<string, RecordedEvent[]>();
      for (const e of stream) {
        const key = e.metadata.idempotencyKey;
        if (typeof key === 'string') byKey.set(key, [...(byKey.get(key) ?? []), e]);
      }
      for (const [key, found] of byKey) if (found.length > 1) problems.push(`${key}: stored ${found.length} times`);
      for (const w of writes) {
        const found = byKey.get(w.key) ?? [];
        if (found.length !== 1 || found[0]?.version !== w.version) {
          problems.push(`${w.key}: acknowledged at version ${w.version}, stored at [${found.map((e) => e.version)}]`);
        }
      }
      const verification = await store.verifyStream(householdStreamId(householdId));
      if (!verification.valid) brokenChains.push(`${householdId}: ${JSON.stringify(verification)}`);
    }
    return { streams: byHousehold.size, events, problems, brokenChains };
  } finally {
    await store.close();
  }
}

/**
 * Waits until every projection's committed checkpoint has reached the end of the log (no event after
 * it), reading the database directly; resolves with the time it took, or throws with the lags.
 */
export async function waitForProjections(
  databaseUrl: string,
  names: readonly string[],
  timeoutMs: number,
): Promise<number> {
  const store = new PostgresEventStore({ connectionString: databaseUrl, maxPoolSize: 2 });
  const db = createReadModelDb(databaseUrl, { max: 2 });
  const started = Date.now();
  try {
    for (;;) {
      const lags = await projectionLags(store, db, names, new Date()).catch(() => undefined);
      if (lags && lags.length === names.length && lags.every((l) => l.events === 0)) return Date.now() - started;
      if (Date.now() - started > timeoutMs) {
        throw new Error(`projections not caught up within ${timeoutMs} ms: ${JSON.stringify(lags)}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await store.close();
    await db.destroy();
  }
}
