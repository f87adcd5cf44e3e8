import { type HouseholdEvent, isCorrection, type LogEntry, supportKindOf } from '@benvung/domain';
import type { RecordedEvent } from '@benvung/event-store';
import type { NewSupportLedger } from '../tables/support-ledger.js';
import type { HouseholdBook, Pending } from './book.js';
import { headNameOf } from './decode.js';
import { emptyFold, foldEvent, foldFromLog, type HouseholdFold, withLog } from './fold.js';
import { type CachedHousehold, derive, NOTHING_DERIVED } from './fold-cache.js';
import { parseEntries, serialiseEntry } from './fold-log.js';
import { ledgerRow } from './ledger-rows.js';
import type { StoredLog } from './load-stored.js';

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

/** A stored log read anyway is rewritten as one chunk past this many, so reading it stays one row or a few. */
const MAX_CHUNKS = 8;

/** Events that can change episodes or unit-year counts; notes, flags and follow-ups cannot. */
const affectsAnalytics = (e: HouseholdEvent) =>
  isCorrection(e) ||
  supportKindOf(e) !== undefined ||
  e.type === 'HouseholdRegistered' ||
  e.type === 'HouseholdAssessed' ||
  e.type === 'HouseholdMoved' ||
  e.type === 'HouseholdClosed';

/** Whether the batch must read the household's stored log. */
export const needsLog = (p: Plan): boolean => (p.cached ? p.rewritesLedger : p.storedVersion > 0);

/** The whole log as it stands: the stored chunks, then what is owed and not stored yet. */
function wholeLog(stored: StoredLog | undefined, owed: Pending | undefined): LogEntry[] {
  const kept = stored?.entries ?? [];
  if (!owed || owed.log.length === 0) return kept;
  const unstored = parseEntries(owed.log);
  return owed.rewrite ? unstored : [...kept, ...unstored];
}

/** The fold to start from: from memory (with its whole log when needed), from the stored log, or empty. */
function startFold(p: Plan, log: LogEntry[]): HouseholdFold {
  if (p.cached) return p.rewritesLedger ? withLog(p.cached.fold, log) : p.cached.fold;
  if (p.storedVersion === 0) return emptyFold();
  // The log and the status row are written in the same transactions, so a row without a log was
  // written before the log existed (tables migrated, not rebuilt): only a rebuild can fill it in.
  if (log.length === 0) {
    throw new Error(
      `household ${p.householdId} is at version ${p.storedVersion} in household_status but has no fold log: ` +
        'rebuild the household_status projection (pnpm projections rebuild household_status)',
    );
  }
  return foldFromLog(log);
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
 * the household is owed (status row, log entries, analytics) for the book to write.
 */
export function foldHousehold(
  p: Plan,
  stored: StoredLog | undefined,
  book: HouseholdBook,
  ledger: NewSupportLedger[],
): void {
  const id = p.householdId;
  const owed = book.pending.get(id);
  // Only a household whose log is read needs it whole (a fold in memory carries no log).
  const log = needsLog(p) ? wholeLog(stored, owed) : [];
  const start = startFold(p, log);
  let fold = start;
  for (const { recorded, event } of p.todo) fold = foldEvent(fold, recorded.eventId, event, recorded.version);
  const state = fold.state;
  if (state.status === 'unregistered') return;

  const known = start.state.status === 'unregistered' ? [] : start.state.log;
  const kept = new Set(known);
  const written = state.log.filter((e) => !kept.has(e));
  const oldChanged = written.length > 0 && (written[0]?.version ?? 0) <= (known.at(-1)?.version ?? 0);
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
    fold: withLog(fold, []),
    version: state.version,
    position: last.recorded.position,
    // What the tables hold: remembered, or (read back from the stored log) what that fold derives.
    stored: p.cached?.stored ?? (readBack ? derive(id, start, book.units) : NOTHING_DERIVED),
  };
  const registration = p.todo.find((t) => t.event.type === 'HouseholdRegistered');
  // Old entries changed (or the stored log is in too many chunks): the log read back is rewritten whole.
  const whole = oldChanged || (stored?.chunks ?? 0) > MAX_CHUNKS;
  const unstored = whole ? state.log : written;
  const serialised = unstored.map(serialiseEntry);
  const keepOwed = !whole && owed !== undefined && owed.log.length > 0;
  book.pending.set(id, {
    entry,
    position: entry.position,
    recordedAt: last.recorded.recordedAt,
    headName: registration ? headNameOf(registration.recorded) : (owed?.headName ?? null),
    log: keepOwed ? [...owed.log, ...serialised] : serialised,
    firstVersion: keepOwed ? owed.firstVersion : (unstored[0]?.version ?? 0),
    lastVersion: unstored.at(-1)?.version ?? owed?.lastVersion ?? 0,
    rewrite: whole || (owed?.rewrite ?? false),
    analytics: (owed?.analytics ?? false) || !p.cached || p.todo.some((t) => affectsAnalytics(t.event)),
  });
  book.cache.set(id, entry);
}
