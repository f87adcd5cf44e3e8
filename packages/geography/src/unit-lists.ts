import { createHash } from 'node:crypto';
import {
  type AdminUnit,
  applyUnitList,
  type CrosswalkEntry,
  type CsvProblem,
  createUnitRegistry,
  parseConversionCsv,
  parseUnitListCsv,
  type UnitData,
  type UnitListChanges,
  type UnitRegistry,
} from '@benvung/domain';
import { type EventStore, StreamNotFoundError } from '@benvung/event-store';

/** Unit lists loaded after the shipped ones, in load order (version n is the stream's n-th event). */
export const UNIT_LISTS_STREAM = 'geography-national';
export const UNIT_LIST_LOADED = 'UnitListLoaded';

/** A newer list of units, as recorded: what it holds, from when, who loaded it. */
export interface LoadedUnitList {
  version: number;
  effectiveOn: string;
  source: string;
  units: AdminUnit[];
  crosswalk: CrosswalkEntry[];
  loadedBy: string;
  loadedAt: string;
}

/** The lists loaded so far (none when nobody has loaded one). */
export async function readLoadedLists(store: EventStore): Promise<LoadedUnitList[]> {
  try {
    const events = await store.readStream(UNIT_LISTS_STREAM);
    return events.map((e) => ({
      version: e.version,
      effectiveOn: String(e.data.effectiveOn),
      source: String(e.data.source),
      units: e.data.units as AdminUnit[],
      crosswalk: e.data.crosswalk as CrosswalkEntry[],
      loadedBy: e.metadata.actorId,
      loadedAt: e.recordedAt.toISOString(),
    }));
  } catch (err) {
    if (err instanceof StreamNotFoundError) return [];
    throw err;
  }
}

/** The shipped unit data with every loaded list applied in order. */
export function withLoadedLists(base: UnitData, lists: readonly LoadedUnitList[]): UnitData {
  let data = base;
  for (const list of lists) data = applyUnitList(data, list.units, list.effectiveOn, list.crosswalk).data;
  return data;
}

/** A newer list checked against the data it would change: its changes, or every problem with it. */
export interface CheckedUnitList {
  units: AdminUnit[];
  crosswalk: CrosswalkEntry[];
  data: UnitData;
  registry: UnitRegistry | undefined;
  changes: UnitListChanges;
  problems: CsvProblem[];
}

/**
 * Parses and applies a newer list (CSV with the national lists' columns, and optionally a conversion
 * table) to `base`, without recording anything: the whole file is checked, every problem returned.
 */
export function checkUnitList(
  base: UnitData,
  csv: string,
  effectiveOn: string,
  conversionCsv?: string,
): CheckedUnitList {
  const parsed = parseUnitListCsv(csv, {});
  const conversion = conversionCsv ? parseConversionCsv(conversionCsv, effectiveOn) : undefined;
  const problems = [...parsed.problems, ...(conversion?.problems ?? [])];
  const units = parsed.units.map(({ validFrom: _f, validTo: _t, ...u }) => u);
  const crosswalk = conversion?.rows ?? [];
  const empty: UnitListChanges = { added: [], changed: [], abolished: [], unchanged: 0 };
  if (units.length === 0 && problems.length === 0) problems.push({ line: 1, message: 'the list holds no unit' });
  if (problems.length > 0) return { units, crosswalk, data: base, registry: undefined, changes: empty, problems };
  const applied = applyUnitList(base, units, effectiveOn, crosswalk);
  if (applied.problems.length > 0)
    return { units, crosswalk, data: base, registry: undefined, changes: applied.changes, problems: applied.problems };
  try {
    return {
      units,
      crosswalk,
      data: applied.data,
      registry: createUnitRegistry(applied.data),
      changes: applied.changes,
      problems: [],
    };
  } catch (err) {
    return {
      units,
      crosswalk,
      data: base,
      registry: undefined,
      changes: applied.changes,
      problems: [{ line: 0, message: (err as Error).message }],
    };
  }
}

/** Records a checked list as the next version; the append expects the stream where it was read. */
export async function appendUnitList(
  store: EventStore,
  expectedVersion: number,
  list: { effectiveOn: string; source: string; units: AdminUnit[]; crosswalk: CrosswalkEntry[] },
  actor: { id: string; role: string },
): Promise<number> {
  const digest = createHash('sha256').update(JSON.stringify(list)).digest('hex');
  const result = await store.appendToStream(
    UNIT_LISTS_STREAM,
    [
      {
        type: UNIT_LIST_LOADED,
        data: { ...list, digest },
        metadata: { actorId: actor.id, actorRole: actor.role },
        occurredAt: new Date(`${list.effectiveOn}T00:00:00Z`),
      },
    ],
    { expectedVersion: expectedVersion === 0 ? 'no_stream' : expectedVersion },
  );
  return result.nextExpectedVersion;
}
