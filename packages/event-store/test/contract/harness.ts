import { randomUUID } from 'node:crypto';
import type { EventStore, EventToAppend, ExpectedVersion } from '../../src/port.js';
import type { UpcasterRegistry } from '../../src/upcasting.js';

/** An append whose transaction stays open until the test ends it. */
export interface HeldAppend {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/**
 * What the contract suite needs from an adapter's test setup. The optional parts are things only some
 * backends can do (EventStoreDB cannot change a stored event, nor hold an append open): the tests that
 * need them are skipped, with the reason, where they are missing.
 */
export interface ContractHarness {
  /** A store over the suite's log; several may be open at once (e.g. with other upcasters). */
  open(options?: { upcasters?: UpcasterRegistry }): Promise<EventStore>;
  /** Changes the stored `data` of one event behind the store's back, as an attacker with SQL would. */
  tamperData?(streamId: string, version: number): Promise<void>;
  /** Replaces the stored personal values of one event (keeping its salt and digest). */
  tamperPersonal?(streamId: string, version: number): Promise<void>;
  /** The erasure path: removes the personal values of one event where they are stored. */
  erasePersonal?(streamId: string, version: number): Promise<void>;
  /** Appends inside a transaction that commits (or rolls back) only when told to. */
  beginHeldAppend?(streamId: string, events: EventToAppend[], expected: ExpectedVersion): Promise<HeldAppend>;
  dispose(): Promise<void>;
}

/** Filled in by the suite's beforeAll; tests read it when they run. */
export interface ContractContext {
  harness: ContractHarness;
  store: EventStore;
}

/**
 * Names unique to one run: the log may be shared (EventStoreDB's $all holds every test's events), so
 * tests filter by their own event types and never assume the log is empty.
 */
export function names(run = randomUUID().slice(0, 8)) {
  let n = 0;
  return {
    stream: (label: string) => `${label}-${run}-${++n}`,
    type: (label: string) => `${label}_${run}_${++n}`,
  };
}

export const OCCURRED_AT = new Date('2025-09-01T08:00:00.000Z');

export function event(
  type: string,
  data: Record<string, unknown> = {},
  extra: Partial<EventToAppend> = {},
): EventToAppend {
  return {
    type,
    data,
    metadata: {
      actorId: 'user-1',
      actorRole: 'case_worker',
      correlationId: 'corr-1',
      causationId: 'cause-1',
      idempotencyKey: 'key-1',
    },
    occurredAt: OCCURRED_AT,
    ...extra,
  };
}

export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resolves to the rejection of `promise` (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection, but the call succeeded');
}
