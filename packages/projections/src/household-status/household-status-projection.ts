import { defaultUnitRegistry, HOUSEHOLD_EVENT_SCHEMA_VERSIONS, type UnitRegistry } from '@benvung/domain';
import { applyHouseholdBatch, writeOwed } from '../household/apply-household-batch.js';
import { HouseholdBook } from '../household/book.js';
import { UnitLookup } from '../household/geography.js';
import type { Projection, RebuildingProjection } from '../runtime/projection.js';

/** Options of `createHouseholdProjection`. */
export interface HouseholdProjectionOptions {
  /** The unit registry for "as of today" units and provinces; the shipped one by default. */
  units?: UnitRegistry;
  /**
   * Households whose fold the projector keeps in memory between batches (default 20,000, about
   * 8 KB each): the others are folded again from their streams when their next event comes.
   */
  cacheSize?: number;
  /**
   * The same for a rebuild (default: `cacheSize`), which also keeps the rows of up to half as many
   * households to write once. Kept as small as the projector's on purpose: with 200,000 folds held
   * (over 1.6 GB of small objects), a rebuild of 2.5 million households grew to 3 GB and slowed to
   * 3,400 events/s by 630,000 households, the collector marking that heap again and again; a
   * household that comes back after its fold left memory costs one read of its stream instead.
   */
  rebuildCacheSize?: number;
}

const NAME = 'household_status';
const TABLES = [
  'household_status',
  'household_national_ids',
  'support_ledger',
  'unit_year_stats',
  'relapse_episodes',
  'list_spells',
  'list_movements',
] as const;
const EVENT_TYPES = Object.keys(HOUSEHOLD_EVENT_SCHEMA_VERSIONS);

/**
 * Every read model derived from the household fold, in one projection so each event is decoded and
 * folded once: household_status (with household_national_ids, the ID numbers it is searched by),
 * support_ledger, unit_year_stats, relapse_episodes, list_spells and list_movements. A household not in memory, or
 * whose void or amendment re-derives from its whole log, is folded again from its stream in the event
 * store (the apply context's). Named `household_status` because reads of a household wait on this
 * checkpoint (read-your-writes).
 */
export function createHouseholdProjection(options: HouseholdProjectionOptions = {}): Projection {
  const units = new UnitLookup(options.units ?? defaultUnitRegistry);
  const cacheSize = options.cacheSize ?? 20_000;
  const book = new HouseholdBook(NAME, units, cacheSize, 'write-through');
  const rebuildCacheSize = options.rebuildCacheSize ?? cacheSize;
  const identity = { name: NAME, version: 5, eventTypes: EVENT_TYPES, tables: TABLES };
  return {
    ...identity,
    apply: (trx, events, context) => applyHouseholdBatch(trx, events, book, context),
    rebuilding(): RebuildingProjection {
      const behind = new HouseholdBook(NAME, units, rebuildCacheSize, 'write-behind');
      return {
        ...identity,
        apply: (trx, events, context) => applyHouseholdBatch(trx, events, behind, context),
        async flush(trx) {
          await writeOwed(trx, behind);
          behind.mode = 'write-through';
        },
      };
    },
  };
}

/** The household projection over the shipped unit registry. */
export const householdStatusProjection: Projection = createHouseholdProjection();
