import { Worker } from 'node:worker_threads';
import { writeBulkBatch } from '@benvung/event-store';
import type pg from 'pg';
import type { SeedCommuneSetName } from '../seed/index.js';
import type { BulkJob, BulkJobResult } from './bulk-jobs.js';

export interface BulkLoadOptions {
  pool: pg.Pool;
  seed: number;
  households: number;
  /** Where households live (the seed's demo communes, or every commune of the national lists). */
  communes: SeedCommuneSetName;
  /** Threads that generate and encode (default 2: this machine's cores, PostgreSQL shares them). */
  workers?: number;
  /** Households per batch, one transaction each (default 2,000: about 18,000 events, 17 MB of COPY text). */
  batchHouseholds?: number;
  onProgress?: (p: { households: number; events: number; seconds: number }) => void;
}

export interface BulkLoadResult {
  households: number;
  events: number;
  seconds: number;
}

/**
 * The seed's population written at bulk speed: workers generate and encode batches ahead, the main
 * thread writes them with COPY on one connection in household order, so positions, versions and
 * recorded times all rise together. At most two batches per worker are in flight: memory stays
 * bounded whatever the population.
 */
export async function bulkLoadPopulation(options: BulkLoadOptions): Promise<BulkLoadResult> {
  const workerCount = Math.max(1, options.workers ?? 2);
  const size = Math.max(1, options.batchHouseholds ?? 2000);
  const workers = Array.from(
    { length: workerCount },
    // A young generation as large as the main process's (--max-semi-space-size=64): a batch's
    // short-lived strings otherwise keep the collector busy for a third of the time.
    () =>
      new Worker(new URL('./bulk-worker-entry.mjs', import.meta.url), {
        resourceLimits: { maxYoungGenerationSizeMb: 192 },
      }),
  );
  const waiting = new Map<number, { resolve: (r: BulkJobResult) => void; reject: (e: Error) => void }>();
  for (const w of workers) {
    w.on('message', (r: BulkJobResult) => {
      waiting.get(r.id)?.resolve(r);
      waiting.delete(r.id);
    });
    w.on('error', (err) => {
      for (const p of waiting.values()) p.reject(err);
      waiting.clear();
    });
  }
  const started = performance.now();
  const jobs = Math.ceil(options.households / size);
  const inFlight: Promise<BulkJobResult>[] = [];
  let dispatched = 0;
  const dispatch = () => {
    const id = dispatched++;
    const job: BulkJob = {
      id,
      seed: options.seed,
      communes: options.communes,
      from: id * size,
      to: Math.min(options.households, (id + 1) * size),
      recordedAtMs: Date.now(),
    };
    inFlight.push(
      new Promise<BulkJobResult>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        workers[id % workerCount]?.postMessage(job);
      }),
    );
  };
  let households = 0;
  let events = 0;
  try {
    while (dispatched < Math.min(jobs, workerCount * 2)) dispatch();
    while (inFlight.length > 0) {
      const result = await (inFlight.shift() as Promise<BulkJobResult>);
      if ('error' in result) throw new Error(`bulk load, batch ${result.id}: ${result.error}`);
      if (dispatched < jobs) dispatch();
      await writeBulkBatch(options.pool, result.batch);
      households += result.batch.streamCount;
      events += result.batch.eventCount;
      options.onProgress?.({ households, events, seconds: (performance.now() - started) / 1000 });
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { households, events, seconds: (performance.now() - started) / 1000 };
}
