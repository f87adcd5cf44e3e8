/**
 * A worker thread of the bulk load: generates a range of households of the seed's model and encodes
 * them as a COPY batch (the canonical JSON and SHA-256 of every event are most of the load's CPU, so
 * they run here, beside the main thread that writes).
 */
import { parentPort } from 'node:worker_threads';
import { encodeBulkBatch } from '@benvung/event-store';
import { generateHousehold, toEventToAppend } from '../seed/generate.js';
import { seedCommuneSet } from '../seed/index.js';
import type { BulkJob, BulkJobResult } from './bulk-jobs.js';

if (!parentPort) throw new Error('bulk-worker runs as a worker thread');
const port = parentPort;

port.on('message', async (job: BulkJob) => {
  try {
    // Built once per thread (the national set reads the unit lists).
    const communes = await seedCommuneSet(job.communes);
    const streams = [];
    for (let index = job.from; index < job.to; index++) {
      const household = generateHousehold(job.seed, index, { validateCommands: false, communes });
      streams.push({ streamId: household.streamId, events: household.events.map(toEventToAppend) });
    }
    const batch = encodeBulkBatch(streams, new Date(job.recordedAtMs));
    port.postMessage({ id: job.id, batch } satisfies BulkJobResult);
  } catch (err) {
    port.postMessage({ id: job.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
