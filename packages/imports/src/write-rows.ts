import {
  type DecideContext,
  DomainError,
  decide,
  decodeHouseholdEnvelope,
  encodeHouseholdEvent,
  evolve,
  type HouseholdEvent,
  householdStreamId,
  initialState,
  replay,
} from '@benvung/domain';
import { ConcurrencyError, type EventStore, IdempotencyConflictError } from '@benvung/event-store';
import { v5 as uuidv5 } from 'uuid';
import type { ImportRow } from './parse-rows.js';
import { type ImportProblem, problem } from './problems.js';

/** Namespace of the ids an import derives: a household from its commune and code, events from it. */
const NAMESPACE = '6f1d9c0e-3b1a-5c7e-9f24-4b8a2d6e1c35';

/** The household a list row stands for: the same commune and household code are the same household. */
export const importedHouseholdId = (unitCode: string, householdCode: string): string =>
  uuidv5(`household|${unitCode}|${householdCode}`, NAMESPACE);

/** Where and as whom an import writes. */
export interface ImportTarget {
  store: EventStore;
  context: DecideContext;
  actor: { id: string; role: string };
  /** Recorded with every event (the import's id). */
  correlationId: string;
  /** Households written at once (the store's pool is the real limit). */
  concurrency?: number;
}

export interface WriteResult {
  imported: number;
  /** Rows whose household already holds that year's list: a file imported again appends nothing. */
  alreadyImported: number;
  problems: ImportProblem[];
}

/** The registration and the baseline review a row becomes, decided by the domain as any command. */
function eventsOf(row: ImportRow, householdId: string, ctx: DecideContext): HouseholdEvent[] {
  const on = `${row.listYear}-01-01`;
  const registered = decide(
    {
      type: 'RegisterHousehold',
      householdId,
      householdCode: row.householdCode,
      head: {
        fullName: row.headName,
        ...(row.birthYear !== undefined ? { birthYear: row.birthYear } : {}),
        ...(row.nationalId !== undefined ? { nationalId: row.nationalId } : {}),
      },
      memberCount: row.memberCount,
      unitCode: row.unitCode,
      occurredOn: on,
      ...(row.ethnicity !== undefined ? { headEthnicity: row.ethnicity } : {}),
      ...(row.village !== undefined ? { village: row.village } : {}),
      ...(row.area !== undefined ? { area: row.area } : {}),
    },
    initialState(),
    ctx,
  );
  const state = registered.reduce(evolve, initialState());
  const assessed = decide(
    {
      type: 'AssessHousehold',
      householdId,
      assessment: {
        reviewType: 'baseline',
        effectiveDate: on,
        listYear: row.listYear,
        listedAs: row.classification,
        deprivations: row.deprivations,
        ...(row.income !== undefined ? { incomePerCapitaVnd: row.income } : {}),
        ...(row.decisionNo !== undefined ? { decisionNo: row.decisionNo } : {}),
      },
    },
    state,
    ctx,
  );
  return [...registered, ...assessed];
}

/** What an existing household means for a row: its list already recorded, or a household followed otherwise. */
async function existing(row: ImportRow, householdId: string, store: EventStore): Promise<'already' | ImportProblem> {
  const stream = await store.readStream(householdStreamId(householdId));
  const state = replay(stream.map((e) => decodeHouseholdEnvelope(e)));
  if (state.status !== 'unregistered' && state.reviews.some((r) => r.listYear === row.listYear)) return 'already';
  return problem(row.row, 'householdCode', 'ALREADY_FOLLOWED', { value: row.householdCode, year: row.listYear });
}

/**
 * Writes each row as its household's first two events, in one append that expects no stream: ids are
 * derived from the row, so running the same file again appends nothing (a row whose household already
 * holds that list year counts as already imported). Rows are written `concurrency` at a time.
 */
export async function writeRows(
  rows: readonly ImportRow[],
  target: ImportTarget,
  onProgress?: (done: number) => void,
): Promise<WriteResult> {
  const result: WriteResult = { imported: 0, alreadyImported: 0, problems: [] };
  const occurredAt = new Date();
  let next = 0;
  let done = 0;
  const write = async (row: ImportRow) => {
    const householdId = importedHouseholdId(row.unitCode, row.householdCode);
    let events: HouseholdEvent[];
    try {
      events = eventsOf(row, householdId, target.context);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      result.problems.push(
        problem(row.row, err.code === 'AREA_REQUIRED' ? 'area' : 'householdCode', 'REFUSED', { message: err.message }),
      );
      return;
    }
    try {
      await target.store.appendToStream(
        householdStreamId(householdId),
        events.map((event, i) => ({
          eventId: uuidv5(`${householdId}|${i}`, NAMESPACE),
          ...encodeHouseholdEvent(event),
          occurredAt,
          metadata: {
            actorId: target.actor.id,
            actorRole: target.actor.role,
            correlationId: target.correlationId,
            importRow: row.row,
          },
        })),
        { expectedVersion: 'no_stream' },
      );
      result.imported++;
    } catch (err) {
      if (!(err instanceof ConcurrencyError) && !(err instanceof IdempotencyConflictError)) throw err;
      const found = await existing(row, householdId, target.store);
      if (found === 'already') result.alreadyImported++;
      else result.problems.push(found);
    }
  };
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++] as ImportRow;
      await write(row);
      onProgress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, target.concurrency ?? 8) }, worker));
  result.problems.sort((a, b) => a.row - b.row);
  return result;
}
