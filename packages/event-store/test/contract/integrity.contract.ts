import { describe, expect, it } from 'vitest';
import { chainHash, contentHash, GENESIS_HASH } from '../../src/hash.js';
import type { EventStore } from '../../src/port.js';
import { UpcasterRegistry } from '../../src/upcasting.js';
import { type ContractContext, event, names } from './harness.js';

export function integrityContract(ctx: ContractContext): void {
  const n = names();
  const T = n.type('Kept');

  it('chains every event to the previous one of its stream, as documented in hash.ts', async () => {
    const s = n.stream('chain');
    await ctx.store.appendToStream(
      s,
      [event(T, { a: 1 }), event(T, { b: [1, 'x'] }, { personal: { fullName: 'Phạm D' } })],
      {
        expectedVersion: 'no_stream',
      },
    );
    await ctx.store.appendToStream(s, [event(T, { c: { d: null } }, { schemaVersion: 2 })], { expectedVersion: 2 });
    let previous: Buffer = GENESIS_HASH;
    for (const e of await ctx.store.readStream(s)) {
      const content = contentHash({ ...e, personalDigest: e.personalDigest });
      const expected = chainHash(
        previous,
        content,
        e.version,
        e.chainScheme === 2 ? e.recordedAt.getTime() : undefined,
      );
      expect(e.hash).toBe(expected.toString('hex'));
      previous = expected;
    }
    expect(await ctx.store.verifyStream(s)).toMatchObject({ valid: true, events: 3 });
  });

  describe('tamper evidence', () => {
    it('names the first version whose stored data was changed', async (test) => {
      const tamper = ctx.harness.tamperData;
      if (!tamper) return test.skip('stored events cannot be changed in this backend');
      const s = n.stream('tamper');
      await ctx.store.appendToStream(
        s,
        [1, 2, 3, 4].map((i) => event(T, { i })),
        { expectedVersion: 'no_stream' },
      );
      await tamper(s, 3);
      expect(await ctx.store.verifyStream(s)).toMatchObject({ valid: false, events: 4, firstInvalidVersion: 3 });
    });

    it('names the version whose personal values were swapped', async (test) => {
      const tamper = ctx.harness.tamperPersonal;
      if (!tamper) return test.skip('stored events cannot be changed in this backend');
      const s = n.stream('tamper-personal');
      await ctx.store.appendToStream(s, [event(T), event(T, {}, { personal: { fullName: 'Võ E' } })], {
        expectedVersion: 'no_stream',
      });
      await tamper(s, 2);
      expect(await ctx.store.verifyStream(s)).toMatchObject({ valid: false, firstInvalidVersion: 2 });
    });

    it('keeps the chain valid when personal data is erased', async (test) => {
      const erase = ctx.harness.erasePersonal;
      if (!erase) return test.skip('this backend needs crypto-shredding for erasure, which it does not have');
      const s = n.stream('erase');
      await ctx.store.appendToStream(
        s,
        [event(T, { memberCount: 4 }, { personal: { fullName: 'Đặng F', nationalId: '079' } }), event(T)],
        { expectedVersion: 'no_stream' },
      );
      const [before] = await ctx.store.readStream(s);
      await erase(s, 1);
      const [after] = await ctx.store.readStream(s);
      expect(after).toMatchObject({ personal: null, personalDigest: before?.personalDigest, hash: before?.hash });
      expect(after?.data).toEqual({ memberCount: 4 });
      expect(await ctx.store.verifyStream(s)).toMatchObject({ valid: true, events: 2 });
    });
  });

  it('upcasts a v1 event to v2 on every read, leaving what is stored (and its hash) alone', async () => {
    const NoteAdded = n.type('NoteAdded');
    const upcasters = new UpcasterRegistry([
      {
        type: NoteAdded,
        fromSchemaVersion: 1,
        upcast: (e) => ({ type: e.type, schemaVersion: 2, data: { ...e.data, visibility: 'case_team' } }),
      },
    ]);
    const s = n.stream('upcast');
    await ctx.store.appendToStream(s, [event(NoteAdded, { text: 'visited' }, { schemaVersion: 1 })], {
      expectedVersion: 'no_stream',
    });
    await ctx.store.appendToStream(
      s,
      [event(NoteAdded, { text: 'called', visibility: 'supervisors' }, { schemaVersion: 2 })],
      {
        expectedVersion: 1,
      },
    );
    const v2: EventStore = await ctx.harness.open({ upcasters });
    try {
      const expected = [
        { schemaVersion: 2, data: { text: 'visited', visibility: 'case_team' } },
        { schemaVersion: 2, data: { text: 'called', visibility: 'supervisors' } },
      ];
      expect(await v2.readStream(s)).toMatchObject(expected);
      const page = await v2.readAll({ eventTypes: [NoteAdded] });
      expect(page.events).toMatchObject(expected);
      const delivered = [];
      for await (const batch of v2.subscribe({ eventTypes: [NoteAdded] })) {
        delivered.push(...batch.events);
        if (delivered.length >= 2) break;
      }
      expect(delivered).toMatchObject(expected);
      // Stored as written: a store without the upcaster sees v1, and the chain still verifies.
      expect((await ctx.store.readStream(s))[0]).toMatchObject({ schemaVersion: 1, data: { text: 'visited' } });
      expect(await v2.verifyStream(s)).toMatchObject({ valid: true, events: 2 });
    } finally {
      await v2.close();
    }
  });
}
