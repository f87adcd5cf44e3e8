import { isCorrection } from '@benvung/domain';
import type { RecordedEvent } from '@benvung/event-store';
import type { Transaction } from 'kysely';
import { forgetPersonalDataIn } from '../household-status/forget-personal.js';
import type { ApplyContext } from '../runtime/projection.js';
import { decodeOrReject } from '../runtime/rejected-event.js';
import type { ReadModelDatabase } from '../tables/database.js';
import type { HouseholdBook } from './book.js';
import { decodeForFold, householdIdOf } from './decode.js';
import { foldsFromHistory } from './history.js';
import { type BatchEvent, foldHousehold, historyVersion, type Plan } from './household-step.js';
import { loadVersions } from './load-stored.js';
import { addIdWrites, idWritesOf } from './national-ids.js';
import { addOwedWrites } from './owed-writes.js';
import { UNIT_YEAR_COUNTS, type UnitYearDelta, UnitYearDeltas } from './unit-year.js';
import { type BatchWrites, deleteEmptyUnitYears, emptyWrites, writeStatement } from './write-statement.js';

type Trx = Transaction<ReadModelDatabase>;

/** Households folded (or written) per statement: big enough to amortise it, small enough to overlap. */
const SLICE = 400;

/** Lets a query just issued reach the server before this process runs a long stretch of code. */
const handOff = () => new Promise<void>((resolve) => setImmediate(resolve));

function plan(
  groups: Map<string, BatchEvent[]>,
  stored: Map<string, { version: number; position: string }>,
  book: HouseholdBook,
): Plan[] {
  const plans: Plan[] = [];
  for (const [householdId, events] of groups) {
    const known = book.authoritative(householdId);
    const current = known ?? stored.get(householdId);
    const version = current?.version ?? 0;
    // At or below the version already applied: a batch seen again after a crash.
    const todo = events.filter((e) => e.recorded.version > version);
    if (todo.length === 0) continue;
    const entry = known ?? book.cache.get(householdId);
    const cached = entry && current && entry.version === current.version && entry.position === current.position;
    const rewritesLedger = todo.some((t) => isCorrection(t.event) || t.event.type === 'HouseholdMoved');
    plans.push({ householdId, todo, cached: cached ? entry : undefined, storedVersion: version, rewritesLedger });
  }
  return plans;
}

/**
 * Runs statements one after the other on the transaction, each sent before the next is prepared:
 * the server executes one while this process folds households and builds the next.
 */
class Pipeline {
  #inflight: Promise<unknown> = Promise.resolve();
  readonly shrinking: UnitYearDelta[] = [];

  constructor(readonly trx: Trx) {}

  async send(w: BatchWrites, deltas: UnitYearDeltas): Promise<void> {
    w.unitYear = deltas.changed();
    this.shrinking.push(...w.unitYear.filter((d) => UNIT_YEAR_COUNTS.some((c) => d[c] < 0)));
    const statement = writeStatement(w);
    await this.#inflight;
    if (!statement) return;
    this.#inflight = statement.execute(this.trx);
    // Marked as handled now (it is awaited later): a failure while this process computes is not "unhandled".
    this.#inflight.catch(() => undefined);
    await handOff();
  }

  /** Waits for the statement in flight; on the way out of an error, without throwing again. */
  async drain(quietly = false): Promise<void> {
    await (quietly ? this.#inflight.catch(() => undefined) : this.#inflight);
    if (!quietly) await deleteEmptyUnitYears(this.trx, this.shrinking);
  }
}

/** Writes everything the book owes, slice by slice. */
export async function writeOwed(trx: Trx, book: HouseholdBook): Promise<void> {
  const pipeline = new Pipeline(trx);
  try {
    const ids = [...book.pending.keys()];
    for (let i = 0; i < ids.length; i += SLICE) {
      const w = emptyWrites();
      const deltas = new UnitYearDeltas();
      addOwedWrites(book, ids.slice(i, i + SLICE), w, deltas);
      await pipeline.send(w, deltas);
    }
  } catch (err) {
    await pipeline.drain(true);
    throw err;
  }
  await pipeline.drain();
}

/**
 * Applies a batch to every household read model: one query for the stored versions (the events are
 * decoded meanwhile), one read of the event store for the histories the batch needs (households not
 * in memory, or with a correction or a move), then, slice by slice, the folds in memory and one
 * statement writing the slice, sent before the next slice is folded. Write-through, each slice writes every row its
 * households change; write-behind, its support ledger and the rows of the households owed longest
 * (HouseholdBook.overdue), and everything owed when the book owes too much. The ID numbers the
 * batch's events set go with their slice in either mode, like the support ledger (national-ids.ts).
 * Idempotent: events at or below a household's version are skipped.
 */
export async function applyHouseholdBatch(
  trx: Trx,
  events: readonly RecordedEvent[],
  book: HouseholdBook,
  context: ApplyContext,
): Promise<void> {
  const ids = [...new Set(events.map((e) => householdIdOf(e.streamId)))];
  // Write-behind, memory is the truth for the households it holds: only the others are looked up.
  const versions = loadVersions(
    trx,
    ids.filter((id) => !book.authoritative(id)),
  );
  // Marked as handled now, awaited below: the events are decoded while the query runs.
  versions.catch(() => undefined);
  await handOff();
  const groups = new Map<string, BatchEvent[]>();
  try {
    for (const recorded of events) {
      const id = householdIdOf(recorded.streamId);
      const item = { recorded, event: decodeOrReject(recorded, decodeForFold) };
      const group = groups.get(id);
      if (group) group.push(item);
      else groups.set(id, [item]);
    }
  } catch (err) {
    // Never leave the transaction with a query still running.
    await versions.catch(() => undefined);
    throw err;
  }
  const plans = plan(groups, await versions, book);
  const wants = plans.flatMap((p) => {
    const version = historyVersion(p);
    return version === undefined ? [] : [{ householdId: p.householdId, version }];
  });
  const [histories, idWrites] = await Promise.all([
    foldsFromHistory(trx, context, book.projection, wants),
    idWritesOf(plans, context),
  ]);

  const through = book.mode === 'write-through';
  const pipeline = new Pipeline(trx);
  try {
    for (let i = 0; i < plans.length; i += SLICE) {
      const slice = plans.slice(i, i + SLICE);
      const w = emptyWrites();
      const deltas = new UnitYearDeltas();
      for (const p of slice) {
        foldHousehold(p, histories.get(p.householdId), book, w.ledger);
        addIdWrites(w, idWrites.get(p.householdId));
      }
      // Write-behind, the households owed longest ride along: the server writes them while this
      // process folds the next slice, rather than all at once while this process waits.
      const owed = through ? slice.map((p) => p.householdId) : book.overdue(SLICE);
      addOwedWrites(book, owed, w, deltas);
      await pipeline.send(w, deltas);
    }
  } catch (err) {
    await pipeline.drain(true);
    // Write-through owes nothing past a batch; a failed batch leaves nothing owed either.
    if (through) book.pending.clear();
    throw err;
  }
  await pipeline.drain();
  // After every row of the batch is written: a name or ID digest written above must not survive it.
  await forgetPersonalDataIn(
    trx,
    plans.filter((p) => p.todo.some((t) => t.event.type === 'PersonalDataErased')).map((p) => p.householdId),
  );
  if (!through && book.pending.size > book.maxPending) await writeOwed(trx, book);
}
