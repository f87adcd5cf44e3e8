import type { BulkBatch } from '@benvung/event-store';
import type { SeedCommuneSetName } from '../seed/index.js';

/** Households `from … to − 1` of population `seed`, recorded at `recordedAtMs`. */
export interface BulkJob {
  id: number;
  seed: number;
  communes: SeedCommuneSetName;
  from: number;
  to: number;
  recordedAtMs: number;
}

export type BulkJobResult = { id: number; batch: BulkBatch } | { id: number; error: string };
