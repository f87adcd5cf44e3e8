import { randomUUID } from 'node:crypto';
import { householdStreamId } from '@benvung/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHouseholdProjection,
  forgetHouseholdPersonalData,
  type HouseholdListQuery,
  listHouseholds,
  nameSearchKey,
  nationalIdDigest,
  rebuildProjections,
} from '../src/index.js';
import { down, up } from '../src/migrations/2026-12-06T1500-household-search.js';
import { catchUp, type Harness, openHarness, snapshot } from './harness.js';
import { HouseholdWriter } from './household-writer.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness('household_search');
});
afterAll(async () => {
  await h?.close();
});

interface Registration {
  name: string;
  unitCode?: string;
  code?: string;
  village?: string;
  nationalId?: string;
}

async function registered(r: Registration): Promise<HouseholdWriter> {
  const w = new HouseholdWriter(h.store);
  await w.run({
    type: 'RegisterHousehold',
    householdId: w.householdId,
    head: { fullName: r.name, ...(r.nationalId ? { nationalId: r.nationalId } : {}) },
    memberCount: 3,
    area: 'rural',
    unitCode: r.unitCode ?? '96101',
    occurredOn: '2022-01-10',
    ...(r.code ? { householdCode: r.code } : {}),
    ...(r.village ? { village: r.village } : {}),
  });
  return w;
}

const addMember = (w: HouseholdWriter, memberId: string, nationalId?: string) =>
  w.run({
    type: 'AddHouseholdMember',
    householdId: w.householdId,
    memberId,
    person: { fullName: 'Lò Thị Xuân', ...(nationalId ? { nationalId } : {}) },
    facts: { sex: 'female', relationship: 'child' },
    reason: 'listed',
    occurredOn: '2022-02-01',
  });

async function digestsOf(householdId: string): Promise<Record<string, string>> {
  const rows = await h.db
    .selectFrom('household_national_ids')
    .select(['member_key', 'digest'])
    .where('household_id', '=', householdId)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.member_key, r.digest]));
}

const search = (text: string, more: Partial<HouseholdListQuery> = {}) =>
  listHouseholds(h.db, { unitCodes: ['96101', '96102'], search: text, limit: 50, ...more });
const idsOf = (page: { rows: Array<{ household_id: string }> }) => page.rows.map((r) => r.household_id).sort();

describe('what households are searched by', () => {
  it('keeps digests of the head’s and listed members’ ID numbers through changes, removals and voids', async () => {
    const w = await registered({ name: 'Nguyễn Văn An', nationalId: '079178000123' });
    const [kept, voided, removed] = [randomUUID(), randomUUID(), randomUUID()];
    await addMember(w, kept, '001203004005');
    const [addition] = await addMember(w, voided, '123456789');
    await addMember(w, removed, '001203009999');
    await addMember(w, randomUUID()); // no ID number: nothing to find it by
    await w.run({
      type: 'ChangeHouseholdMember',
      householdId: w.householdId,
      memberId: kept,
      person: { nationalId: '001203004006' },
      facts: {},
      occurredOn: '2022-03-01',
    });
    await w.run({
      type: 'RemoveHouseholdMember',
      householdId: w.householdId,
      memberId: removed,
      reason: 'moved_out',
      occurredOn: '2022-03-02',
    });
    const projection = createHouseholdProjection();
    await catchUp(h, { batchSize: 2, projection });
    expect(await digestsOf(w.householdId)).toEqual({
      [w.householdId]: nationalIdDigest('079178000123'),
      [kept]: nationalIdDigest('001203004006'),
      [voided]: nationalIdDigest('123456789'),
    });
    // The numbers themselves are nowhere in the read models.
    const plain = await sql<{ n: string }>`
      SELECT (SELECT count(*) FROM household_national_ids t WHERE t::text LIKE '%001203004006%')
           + (SELECT count(*) FROM household_status t WHERE t::text LIKE '%001203004006%') AS n`.execute(h.db);
    expect(plain.rows[0]?.n).toBe('0');

    // A void of a member event: the household's numbers are read again from its whole stream.
    await w.void(addition as string, '2022-04-01');
    await catchUp(h, { projection });
    expect(await digestsOf(w.householdId)).toEqual({
      [w.householdId]: nationalIdDigest('079178000123'),
      [kept]: nationalIdDigest('001203004006'),
    });

    // Replayed from the log into fresh tables, the rows are the same.
    const live = await snapshot(h.db);
    await rebuildProjections({ store: h.store, connectionString: h.database.url, projections: [projection] });
    expect(await snapshot(h.db)).toEqual(live);
  });

  it('finds by any part of the name without accents, by code prefix and by ID number; filters, sorts, counts', async () => {
    const an = await registered({ name: 'Trần  Văn AN', code: 'KX-0101', village: 'Ấp 2', nationalId: '280123456' });
    const anh = await registered({ name: 'Đặng Văn Anh', code: 'KX-0102', village: 'Ấp 2', unitCode: '96102' });
    const binh = await registered({ name: 'Lê Thị Bình', code: 'KX-0201', village: 'Ấp 3' });
    const member = randomUUID();
    await addMember(binh, member, '096300000111');
    await catchUp(h);

    expect(idsOf(await search('tran van an'))).toEqual([an.householdId]);
    expect(idsOf(await search('VĂN AN'))).toEqual(expect.arrayContaining([an.householdId, anh.householdId].sort()));
    expect(idsOf(await search('dang van'))).toEqual([anh.householdId]);
    expect(idsOf(await search('kx-01'))).toEqual([an.householdId, anh.householdId].sort());
    expect(idsOf(await search('KX-0201'))).toEqual([binh.householdId]);
    expect(idsOf(await search('280123456'))).toEqual([an.householdId]);
    expect(idsOf(await search('096300000111'))).toEqual([binh.householdId]);
    expect(idsOf(await search('096300000112'))).toEqual([]);
    // LIKE's wildcards are plain characters in a search.
    expect(idsOf(await search('%'))).toEqual([]);
    expect(idsOf(await search('kx-0_01'))).toEqual([]);
    // The units bound every branch: a name in a unit not asked for is not found.
    expect(idsOf(await search('dang van anh', { unitCodes: ['96101'] }))).toEqual([]);

    const village = await listHouseholds(h.db, { unitCodes: ['96101', '96102'], village: 'Ấp 2', limit: 1 });
    expect(village).toMatchObject({ total: 2, totalExact: true });
    expect(village.rows).toHaveLength(1);

    const byName = await search('kx-', { sort: { key: 'name' } });
    expect(byName.rows.map((r) => r.head_name)).toEqual(['Đặng Văn Anh', 'Lê Thị Bình', 'Trần  Văn AN']);
    const byCode = await search('kx-', { sort: { key: 'code', descending: true } });
    expect(byCode.rows.map((r) => r.household_code)).toEqual(['KX-0201', 'KX-0102', 'KX-0101']);

    const capped = await listHouseholds(h.db, { unitCodes: ['96101', '96102'], limit: 1, countUpTo: 2 });
    expect(capped).toMatchObject({ total: 2, totalExact: false });
  });

  it('lists the same pages whether it sorts every match of the units or walks the order’s index', async () => {
    for (const [i, name] of ['Nguyễn Văn Ba', 'Nguyễn Thị Tư', 'Phạm Văn Năm', 'Nguyễn Văn Sáu'].entries()) {
      await registered({ name, code: `SP-${i}`, unitCode: i % 2 ? '96102' : '96101', village: 'Ấp 9' });
    }
    await catchUp(h);
    const queries: Array<Omit<HouseholdListQuery, 'unitCodes' | 'limit'>> = [
      {},
      { search: 'nguyen' },
      { search: 'sp-', sort: { key: 'name' } },
      { search: 'sp-', sort: { key: 'code', descending: true }, offset: 1 },
      { village: 'Ấp 9', sort: { key: 'registered', descending: true } },
      { sort: { key: 'updated' }, offset: 2 },
    ];
    for (const query of queries) {
      const asked = { unitCodes: ['96101', '96102'], limit: 2, ...query };
      const sortedAll = await listHouseholds(h.db, asked);
      expect(sortedAll.rows.length, JSON.stringify(query)).toBeGreaterThan(0);
      expect(await listHouseholds(h.db, { ...asked, sortAllUpTo: 0 }), JSON.stringify(query)).toEqual(sortedAll);
      const cursor = sortedAll.rows.at(-1)?.household_id as string;
      if (!query.sort) {
        const next = await listHouseholds(h.db, { ...asked, afterId: cursor });
        expect(await listHouseholds(h.db, { ...asked, afterId: cursor, sortAllUpTo: 0 })).toEqual(next);
      }
    }
  });

  it('forgets an erased household: no longer found by name or ID number, after later events and a rebuild', async () => {
    const w = await registered({ name: 'Hoàng Thị Quên', code: 'ER-1', nationalId: '079199000001' });
    const [addition] = await addMember(w, randomUUID(), '079199000002');
    const projection = createHouseholdProjection();
    await catchUp(h, { projection });
    expect(idsOf(await search('hoang thi quen'))).toEqual([w.householdId]);

    // The store's erasure: the personal part of every event of the stream, then the read models'.
    await h.store.pool.query('UPDATE es_events SET personal = NULL WHERE stream_id = $1', [
      householdStreamId(w.householdId),
    ]);
    await forgetHouseholdPersonalData(h.db, w.householdId);
    const gone = async () => {
      for (const text of ['hoang thi quen', '079199000001', '079199000002']) {
        expect(idsOf(await search(text)), text).toEqual([]);
      }
      expect(idsOf(await search('ER-1'))).toEqual([w.householdId]);
      expect(await digestsOf(w.householdId)).toEqual({});
    };
    await gone();

    // The projector that folded it (and remembers its fold) brings nothing back with later events, nor
    // does a void that has the household's numbers read again from its (erased) stream.
    await w.run({ type: 'AddNote', householdId: w.householdId, text: 'Thăm hộ', occurredOn: '2022-05-01' });
    await w.void(addition as string, '2022-05-02');
    await catchUp(h, { projection });
    await gone();

    await rebuildProjections({ store: h.store, connectionString: h.database.url, projections: [projection] });
    await gone();
    const row = await h.db
      .selectFrom('household_status')
      .select(['head_name', 'head_name_search'])
      .where('household_id', '=', w.householdId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ head_name: null, head_name_search: null });
  });

  it('folds the names already projected, when migrating, exactly as foldText does', async () => {
    await registered({ name: '  ĐỖ   Thị  Ánh Tuyết ' });
    await registered({ name: 'Nguyễn Ngọc Ẩn' });
    await catchUp(h);
    await down(h.db);
    await up(h.db);
    const rows = await h.db.selectFrom('household_status').select(['head_name', 'head_name_search']).execute();
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(r.head_name_search).toBe(r.head_name === null ? null : nameSearchKey(r.head_name));
    const indexes = await sql<{ indexname: string }>`
      SELECT indexname FROM pg_indexes WHERE tablename = 'household_status'`.execute(h.db);
    expect(indexes.rows.map((r) => r.indexname)).toEqual(
      expect.arrayContaining(['household_status_head_name_trgm', 'household_status_unit_code_prefix']),
    );
  });
});
