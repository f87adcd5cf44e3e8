import { type HouseholdEvent, isCorrection, type LogEntry, supportKindOf } from '@benvung/domain';
import type { RecordedEvent } from '@benvung/event-store';
import type { NewSupportLedger } from '../tables/support-ledger.js';
import type { HouseholdBook } from './book.js';
import { headNameOf } from './decode.js';
import { emptyFold, foldEvent, type HouseholdFold, withoutLog } from './fold.js';
import { type CachedHousehold, derive, NOTHING_DERIVED } from './fold-cache.js';
import { ledgerRow } from './ledger-rows.js';

/** An event of the batch, decoded for the fold. */
export interface BatchEvent {
  recorded: RecordedEvent;
  event: HouseholdEvent;
}

/** What a batch does to one household. */
export interface Plan {
  householdId: string;
  /** Its events of the batch not applied yet, in stream order. */
  todo: BatchEvent[];
  /** Its fold from memory: checked against the tables, or (write-behind) known to be the truth. */
  cached: CachedHousehold | undefined;
  /** Without a fold in memory: the version the tables hold (0: nothing stored yet). */
  storedVersion: number;
  /** A correction or a move: ledger rows written earlier may change (their data or their unit). */
  rewritesLedger: boolean;
}

/**
 * Events that can change episodes, unit-year counts or list movements; notes and follow-ups cannot.
 * Flags and members change the groups movements count in (unable to escape, the head's ethnicity).
 */
const affectsAnalytics = (e: HouseholdEvent) =>
  isCorrection(e) ||
  supportKindOf(e) !== undefined ||
  e.type === 'HouseholdRegistered' ||
  e.type === 'HouseholdAssessed' ||
  e.type === 'HouseholdMoved' ||
  e.type === 'HouseholdClosed' ||
  e.type === 'UnableToEscapeFlagSet' ||
  e.type === 'UnableToEscapeFlagCleared' ||
  e.type === 'HouseholdMemberAdded' ||
  e.type === 'HouseholdMemberChanged' ||
  e.type === 'HouseholdMemberRemoved';

/**
 * The version as of which the batch needs the household's fold with its whole log, from its history
 * in the event store: not in memory, or a correction or a move that re-derives from the log (a fold
 * in memory carries none). Undefined when memory, or nothing, will do.
 */
export function historyVersion(p: Plan): number | undefined {
  if (p.cached) return p.rewritesLedger ? p.cached.version : undefined;
  return p.storedVersion > 0 ? p.storedVersion : undefined;
}

/** The fold to start from: from history (when needed), from memory, or empty. */
function startFold(p: Plan, history: HouseholdFold | undefined): HouseholdFold {
  const version = historyVersion(p);
  if (version === undefined) return p.cached?.fold ?? emptyFold();
  const found = history && history.state.status !== 'unregistered' ? history.state.version : 0;
  if (!history || found !== version) {
    // The read models were built from events this store does not hold (another store's, or lost).
    throw new Error(
      `household ${p.householdId} is at version ${version} in the read models, ` +
        `but its stream in the event store folds to version ${found}`,
    );
  }
  return history;
}

function ledgerRows(householdId: string, fold: HouseholdFold, entries: readonly LogEntry[]): NewSupportLedger[] {
  const rows: NewSupportLedger[] = [];
  for (const e of entries) {
    const row = ledgerRow(householdId, e, fold.places);
    if (row) rows.push(row);
  }
  return rows;
}

/**
 * Folds one household's events of the batch: keeps the new fold in memory, adds the support ledger
 * rows that are new or changed to `ledger` (written with the batch in either mode), and records what
 * the household is owed (status row, analytics) for the book to write. `history` is its fold from the
 * event store when `historyVersion` asks for one.
 */
export function foldHousehold(
  p: Plan,
  history: HouseholdFold | undefined,
  book: HouseholdBook,
  ledger: NewSupportLedger[],
): void {
  const id = p.householdId;
  const owed = book.pending.get(id);
  const start = startFold(p, history);
  let fold = start;
  for (const { recorded, event } of p.todo) fold = foldEvent(fold, recorded.eventId, event, recorded.version);
  const state = fold.state;
  if (state.status === 'unregistered') return;

  const known = start.state.status === 'unregistered' ? [] : start.state.log;
  const kept = new Set(known);
  const written = state.log.filter((e) => !kept.has(e));
  if (p.rewritesLedger && start.state.status !== 'unregistered') {
    const previous = new Map(ledgerRows(id, start, known).map((r) => [r.event_id, JSON.stringify(r)]));
    for (const r of ledgerRows(id, fold, state.log)) {
      if (previous.get(r.event_id) !== JSON.stringify(r)) ledger.push(r);
    }
  } else {
    ledger.push(...ledgerRows(id, fold, written));
  }

  const last = p.todo[p.todo.length - 1] as BatchEvent;
  const readBack = !p.cached && p.storedVersion > 0;
  const entry: CachedHousehold = {
    fold: withoutLog(fold),
    version: state.version,
    position: last.recorded.position,
    // What the tables hold: remembered, or (folded again from the stream) what that fold derives.
    stored: p.cached?.stored ?? (readBack ? derive(id, start, book.units) : NOTHING_DERIVED),
  };
  const registration = p.todo.find((t) => t.event.type === 'HouseholdRegistered');
  // An erasure in the batch: a name read before it (a row owed, write-behind) is not written either.
  const erased = p.todo.some((t) => t.event.type === 'PersonalDataErased');
  const headName = registration ? headNameOf(registration.recorded) : (owed?.headName ?? null);
  book.pending.set(id, {
    entry,
    position: entry.position,
    recordedAt: last.recorded.recordedAt,
    headName: erased ? null : headName,
    analytics: (owed?.analytics ?? false) || !p.cached || p.todo.some((t) => affectsAnalytics(t.event)),
  });
  book.cache.set(id, entry);
}
