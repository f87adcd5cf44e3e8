import { createUnitRegistry, type UnitData, type UnitRegistry } from '@benvung/domain';
import type { EventStore } from '@benvung/event-store';
import { nationalFiles } from './load.js';
import { type GeographyReport, nationalUnitData } from './national-units.js';
import {
  appendUnitList,
  type CheckedUnitList,
  checkUnitList,
  type LoadedUnitList,
  readLoadedLists,
  withLoadedLists,
} from './unit-lists.js';

/**
 * The unit registry a process runs on: the shipped national lists (and the demo units when asked),
 * with every list an administrator loaded since applied in order. Loading a list checks the whole file
 * first, records it (who, when, from which date) and swaps the registry in this process; other
 * processes take it at their next start.
 */
export class GeographyService {
  #registry: UnitRegistry;
  #data: UnitData;
  #lists: LoadedUnitList[];

  private constructor(
    private readonly store: EventStore,
    readonly report: GeographyReport,
    private readonly base: UnitData,
    lists: LoadedUnitList[],
  ) {
    this.#lists = lists;
    this.#data = withLoadedLists(base, lists);
    this.#registry = createUnitRegistry(this.#data);
  }

  static async open(store: EventStore, options: { demo?: boolean } = {}): Promise<GeographyService> {
    const { data, report } = nationalUnitData(await nationalFiles(), options);
    return new GeographyService(store, report, data, await readLoadedLists(store));
  }

  get registry(): UnitRegistry {
    return this.#registry;
  }

  get lists(): readonly LoadedUnitList[] {
    return this.#lists;
  }

  /** Checks a newer list against the registry in force; records nothing. */
  check(csv: string, effectiveOn: string, conversionCsv?: string): CheckedUnitList {
    return checkUnitList(this.#data, csv, effectiveOn, conversionCsv);
  }

  /** Checks, then records and applies a newer list; answers the check (with its problems, nothing recorded then). */
  async load(
    csv: string,
    effectiveOn: string,
    options: { source: string; conversionCsv?: string; actor: { id: string; role: string } },
  ): Promise<CheckedUnitList & { version?: number }> {
    const checked = this.check(csv, effectiveOn, options.conversionCsv);
    if (checked.problems.length > 0 || !checked.registry) return checked;
    const list = { effectiveOn, source: options.source, units: checked.units, crosswalk: checked.crosswalk };
    const version = await appendUnitList(this.store, this.#lists.length, list, options.actor);
    this.#lists = await readLoadedLists(this.store);
    this.#data = withLoadedLists(this.base, this.#lists);
    this.#registry = createUnitRegistry(this.#data);
    return { ...checked, version };
  }
}
