import { type AdminUnit, defaultUnitRegistry, LATEST, type UnitRegistry } from '@benvung/domain';
import type { Place } from './fold.js';

/** The place a household was recorded in on a date: its last counting place from that date or before. */
export function placeOn(places: readonly Place[], date: string): Place | undefined {
  let found: Place | undefined;
  for (const place of places) if (place.on <= date) found = place;
  // Dated before its registration (a backdated action): the registration's place.
  return found ?? places[0];
}

/** Keeps a memo from growing without bound over a long-running projector. */
const MAX_MEMO = 50_000;

/**
 * Province and current-unit look-ups for a registry, memoised: the same few units come up for
 * millions of rows. "Now" is the registry's latest version (`LATEST`): projections read no clock.
 */
export class UnitLookup {
  readonly #registry: UnitRegistry;
  readonly #memo = new Map<string, string | null>();

  constructor(registry: UnitRegistry = defaultUnitRegistry) {
    this.#registry = registry;
  }

  #remember(key: string, compute: () => string | null): string | null {
    const known = this.#memo.get(key);
    if (known !== undefined) return known;
    if (this.#memo.size >= MAX_MEMO) this.#memo.clear();
    const value = compute();
    this.#memo.set(key, value);
    return value;
  }

  #provinceOf(unit: AdminUnit | undefined, date: string): string | null {
    if (!unit) return null;
    if (unit.level === 'province') return unit.code;
    return this.#registry.ancestors(unit, date).find((u) => u.level === 'province')?.code ?? null;
  }

  /** The province holding the unit's territory on a date; null for a code the registry does not know. */
  provinceOn(code: string, date: string): string | null {
    return this.#remember(`p|${code}|${date}`, () => this.#provinceOf(this.#registry.unitAsOf(code, date), date));
  }

  /**
   * The unit holding the territory of the code as recorded on `recordedOn`, in the latest registry
   * version. For a commune split over several successors (and a household that never moved) that is
   * the province holding them all: split, unresolved at commune level.
   */
  unitNow(code: string, recordedOn: string): string | null {
    return this.#remember(
      `u|${code}|${recordedOn}`,
      () => this.#registry.unitAsOf(code, LATEST, recordedOn)?.code ?? null,
    );
  }

  /** The province holding the territory of the code as recorded on `recordedOn`, in the latest registry version. */
  provinceNow(code: string, recordedOn: string): string | null {
    return this.#remember(`n|${code}|${recordedOn}`, () => {
      const holder = this.#registry.unitAsOf(code, LATEST, recordedOn);
      return this.#provinceOf(holder, LATEST);
    });
  }
}
