import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EventStore, RecordedEvent, SubscriptionBatch } from '../../src/port.js';
import { type ContractContext, event, names, waitFor } from './harness.js';

/** Runs a subscription in the background, collecting what it delivers. */
function collect(store: EventStore, options: Parameters<EventStore['subscribe']>[0]) {
  const controller = new AbortController();
  const batches: SubscriptionBatch[] = [];
  const events: RecordedEvent[] = [];
  let failure: unknown;
  const done = (async () => {
    for await (const batch of store.subscribe({ ...options, signal: controller.signal })) {
      batches.push(batch);
      events.push(...batch.events);
    }
  })().catch((err: unknown) => {
    failure = err;
  });
  return {
    batches,
    events,
    get caughtUp() {
      return batches.at(-1)?.caughtUp === true;
    },
    async stop() {
      controller.abort();
      await done;
      if (failure) throw failure;
    },
  };
}

const STREAMS = 1000;
const WRITERS = 8;
const HELD = 6;

export function subscriptionContract(ctx: ContractContext): void {
  const n = names();

  it('catches up, goes live, and resumes after a checkpoint without repeating anything', async () => {
    const [A, B] = [n.type('SubA'), n.type('SubB')];
    const s = n.stream('sub');
    await ctx.store.appendToStream(s, [event(A, { k: 1 }), event(B, { k: 2 }), event(A, { k: 3 })], {
      expectedVersion: 'no_stream',
    });
    const sub = collect(ctx.store, { eventTypes: [A], batchSize: 1 });
    await waitFor('catch-up', () => sub.events.length === 2 && sub.caughtUp);
    await ctx.store.appendToStream(s, [event(B, { k: 4 }), event(A, { k: 5 })], { expectedVersion: 3 });
    await waitFor('the live event', () => sub.events.length === 3);
    const checkpoint = sub.batches.at(-1)?.position;
    await sub.stop();
    expect(sub.events.map((e) => e.data.k)).toEqual([1, 3, 5]);
    for (let i = 1; i < sub.batches.length; i++) {
      const [prev, next] = [sub.batches[i - 1]?.position, sub.batches[i]?.position];
      if (prev && next) expect(ctx.store.comparePositions(prev, next)).toBeLessThanOrEqual(0);
    }

    await ctx.store.appendToStream(s, [event(A, { k: 6 })], { expectedVersion: 5 });
    const resumed = collect(ctx.store, { eventTypes: [A], ...(checkpoint ? { after: checkpoint } : {}) });
    await waitFor('the event after the checkpoint', () => resumed.events.length >= 1 && resumed.caughtUp);
    await resumed.stop();
    expect(resumed.events.map((e) => e.data.k)).toEqual([6]);
  });

  describe('under load', () => {
    it(`delivers every committed event exactly once: ${WRITERS} writers over ${STREAMS} streams, late commits`, async (test) => {
      const held = ctx.harness.beginHeldAppend;
      if (!held) await test.annotate('this backend cannot hold a transaction open: no late commits in this run');
      const types = [n.type('LoadA'), n.type('LoadB')] as const;
      const sub = collect(ctx.store, { eventTypes: [...types], batchSize: 100 });
      await waitFor('the subscriber to be live', () => sub.caughtUp);

      const committed = new Set<string>();
      const rolledBack = new Set<string>();
      const streams = Array.from({ length: STREAMS }, () => n.stream('load'));
      const writer = async (w: number) => {
        for (let round = 0; round < 2; round++) {
          for (let i = w; i < STREAMS; i += WRITERS) {
            const count = 1 + ((i + round) % 2);
            const batch = Array.from({ length: count }, (_, k) =>
              event(types[k % 2] as string, { i, round }, { eventId: randomUUID() }),
            );
            await ctx.store.appendToStream(streams[i] as string, batch, {
              expectedVersion: round === 0 ? 'no_stream' : 1 + (i % 2),
            });
            for (const e of batch) committed.add(e.eventId as string);
          }
        }
      };
      // Transactions opened early and committed late, while the writers commit after them.
      const lateCommits = async () => {
        if (!held) return;
        for (let h = 0; h < HELD; h++) {
          const s = n.stream('held');
          const batch = [types[0], types[1]].map((t) => event(t, { held: h }, { eventId: randomUUID() }));
          const append = await held(s, batch, 'no_stream');
          await new Promise((r) => setTimeout(r, 100 + 30 * h));
          // The last one never commits: the subscriber must not see it.
          const rollback = h === HELD - 1;
          await (rollback ? append.rollback() : append.commit());
          for (const e of batch) (rollback ? rolledBack : committed).add(e.eventId as string);
        }
      };
      await Promise.all([...Array.from({ length: WRITERS }, (_, w) => writer(w)), lateCommits()]);

      const delivered = () => new Set(sub.events.map((e) => e.eventId));
      await waitFor('every committed event', () => [...committed].every((id) => delivered().has(id)), 30_000);
      await new Promise((r) => setTimeout(r, 300)); // would anything extra still arrive?
      await sub.stop();

      const ids = sub.events.map((e) => e.eventId);
      expect(ids.length).toBe(new Set(ids).size); // nothing twice
      expect(new Set(ids)).toEqual(committed); // nothing lost, nothing uncommitted
      expect(ids.some((id) => rolledBack.has(id))).toBe(false);
      // Checkpoints never move back.
      const checkpoints = sub.batches.map((b) => b.position).filter((p): p is string => p !== undefined);
      for (let i = 1; i < checkpoints.length; i++) {
        expect(ctx.store.comparePositions(checkpoints[i - 1] as string, checkpoints[i] as string)).toBeLessThanOrEqual(
          0,
        );
      }
      // One global order: positions rise, and each stream's events come in version order.
      const lastVersion = new Map<string, number>();
      for (let i = 0; i < sub.events.length; i++) {
        const e = sub.events[i] as RecordedEvent;
        if (i > 0)
          expect(ctx.store.comparePositions((sub.events[i - 1] as RecordedEvent).position, e.position)).toBeLessThan(0);
        expect(e.version).toBe((lastVersion.get(e.streamId) ?? 0) + 1);
        lastVersion.set(e.streamId, e.version);
      }
    });

    it('does not skip an event that commits after later ones were read', async (test) => {
      const held = ctx.harness.beginHeldAppend;
      if (!held) {
        test.skip('this backend has no transactions to hold open');
        return;
      }
      const T = n.type('Late');
      const late = await held(n.stream('late'), [event(T, { k: 'late' })], 'no_stream');
      await ctx.store.appendToStream(n.stream('early'), [event(T, { k: 'early' })], { expectedVersion: 'no_stream' });
      // The early event is committed, but a reader must not pass the open transaction's place in the order.
      const before = await ctx.store.readAll({ eventTypes: [T] });
      expect(before.events).toEqual([]);
      await late.commit();
      // Other transactions on the server may still hold the horizon back for a moment: read until both came.
      const read: unknown[] = [];
      let position = before.position;
      await waitFor('both events', async () => {
        const page = await ctx.store.readAll({ ...(position ? { after: position } : {}), eventTypes: [T] });
        read.push(...page.events.map((e) => e.data.k));
        position = page.position;
        return read.length >= 2;
      });
      expect(read).toEqual(['late', 'early']);
    });
  });
}
