import { randomUUID } from 'node:crypto';
import { decide, encodeHouseholdEvent, householdStreamId } from '@benvung/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHouseholdProjection, listHouseholds, rebuildProjections } from '../src/index.js';
import { catchUp, type Harness, openHarness, snapshot } from './harness.js';
import { HouseholdWriter } from './household-writer.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness('erasure');
});
afterAll(async () => {
  await h?.close();
});

const HEAD = 'Hoàng Văn Ẩn';
const NUMBERS = ['079199000011', '079199000012'];

/** The store's erasure, as the gateway records it: personal parts gone and the event appended at once. */
async function erase(w: HouseholdWriter): Promise<void> {
  const events = decide(
    {
      type: 'ErasePersonalData',
      householdId: w.householdId,
      reason: 'Chủ hộ yêu cầu xoá dữ liệu',
      erasedEvents: 2,
      occurredOn: '2025-12-01',
    },
    w.state,
  );
  const [event] = events;
  if (!event) throw new Error('no erasure event');
  await h.store.erasePersonalData(
    householdStreamId(w.householdId),
    {
      ...encodeHouseholdEvent(event),
      occurredAt: new Date('2025-12-01T00:00:00Z'),
      metadata: { actorId: 'admin-1', actorRole: 'admin' },
    },
    { expectedVersion: w.version },
  );
  w.version += 1;
}

/** The household projection's tables, without what only an erasure may change (names, digests, versions). */
async function figures() {
  const tables = await snapshot(h.db);
  return {
    ...tables,
    household_status: tables.household_status?.map((row) => {
      const {
        head_name: _n,
        head_name_search: _s,
        version: _v,
        last_position: _p,
        updated_at: _u,
        ...rest
      } = row as Record<string, unknown>;
      return rest;
    }),
    household_national_ids: undefined,
  };
}

describe('the household projection on PersonalDataErased', () => {
  it('forgets the name and the ID numbers, live and after a rebuild, and changes no figure', async () => {
    const w = new HouseholdWriter(h.store);
    await w.run({
      type: 'RegisterHousehold',
      householdId: w.householdId,
      head: { fullName: HEAD, nationalId: NUMBERS[0] },
      memberCount: 2,
      area: 'rural',
      unitCode: '96101',
      occurredOn: '2022-01-10',
    });
    await w.run({
      type: 'AddHouseholdMember',
      householdId: w.householdId,
      memberId: randomUUID(),
      person: { fullName: 'Hoàng Thị Kín', nationalId: NUMBERS[1] },
      facts: { sex: 'female', relationship: 'spouse' },
      reason: 'listed',
      occurredOn: '2022-01-10',
    });
    await w.review('poor', '2022-10-01');
    await w.review('non_poor', '2023-10-01');
    // One projector instance throughout: it remembers the household's fold between batches.
    const projection = createHouseholdProjection();
    await catchUp(h, { projection });
    const search = (text: string) => listHouseholds(h.db, { unitCodes: ['96101'], search: text, limit: 10 });
    expect((await search('hoang van an')).rows).toHaveLength(1);
    const before = await figures();

    await erase(w);
    await catchUp(h, { projection });
    const gone = async () => {
      for (const text of ['hoang van an', ...NUMBERS]) expect((await search(text)).rows, text).toEqual([]);
      const row = await h.db
        .selectFrom('household_status')
        .selectAll()
        .where('household_id', '=', w.householdId)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ head_name: null, head_name_search: null, classification: 'non_poor' });
      const ids = await h.db.selectFrom('household_national_ids').selectAll().execute();
      expect(ids).toEqual([]);
      expect(await figures()).toEqual(before);
    };
    await gone();

    await rebuildProjections({ store: h.store, connectionString: h.database.url, projections: [projection] });
    await gone();
  });
});
