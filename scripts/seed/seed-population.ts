import type { EventStore } from '@benvung/event-store';
import { type GenerateOptions, generateHousehold, toEventToAppend } from './generate.js';
import { PopulationStats } from './stats.js';

export interface SeedProgress {
  households: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

export interface SeedPopulationOptions extends GenerateOptions {
  store: EventStore;
  households: number;
  seed: number;
  /** Index of the first household (to add households to a population already seeded). Default 0. */
  firstIndex?: number;
  /** Appends in flight at once (default 12). */
  concurrency?: number;
  onProgress?: (p: SeedProgress) => void;
  signal?: AbortSignal;
}

export interface SeedResult extends SeedProgress {
  /** Households whose history was already stored with the same content (a repeated seed appends nothing). */
  alreadyStored: number;
  stats: PopulationStats;
}

/**
 * Generates households `firstIndex … firstIndex + households − 1` of population `seed` and writes each
 * one's whole history with ONE append (expected version `no_stream`), `concurrency` at a time. Event ids
 * are part of the generated data, so seeding the same population again appends nothing.
 */
export async function seedPopulation(options: SeedPopulationOptions): Promise<SeedResult> {
  const { store, seed } = options;
  const first = options.firstIndex ?? 0;
  const end = first + options.households;
  const generate: GenerateOptions = { validateCommands: options.validateCommands ?? true, communes: options.communes };
  const stats = new PopulationStats();
  const started = performance.now();
  let next = first;
  let done = 0;
  let events = 0;
  let alreadyStored = 0;
  const progress = (): SeedProgress => {
    const seconds = (performance.now() - started) / 1000;
    return { households: done, events, seconds, eventsPerSecond: seconds > 0 ? events / seconds : 0 };
  };
  const worker = async () => {
    for (let index = next++; index < end; index = next++) {
      if (options.signal?.aborted) throw new Error('seeding aborted');
      const household = generateHousehold(seed, index, generate);
      stats.add(household);
      const result = await store.appendToStream(household.streamId, household.events.map(toEventToAppend), {
        expectedVersion: 'no_stream',
      });
      if (result.replayed) alreadyStored += 1;
      done += 1;
      events += household.events.length;
      options.onProgress?.(progress());
    }
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 12, options.households));
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ...progress(), alreadyStored, stats };
}
