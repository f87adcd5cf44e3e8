import { forgetHouseholdPersonalData } from '@benvung/projections';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, postCreated, type RunningGateway, requestJson, startGateway } from './helpers.js';

/** The case worker's household list over HTTP: search, filters, sorting, totals and paging, scope, erasure. */

interface Item {
  householdId: string;
  householdCode: string | null;
  unitCode: string;
  village: string | null;
  headName: string | null;
  classification: string;
  flags: string[];
  memberCount: number;
  registeredOn: string;
  updatedAt: string;
  version: number;
}
interface Page {
  households: Item[];
  total: number;
  totalExact: boolean;
  limit: number;
  offset: number;
  nextCursor?: string;
}

const FAMILIES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ'];
const MIDDLES = ['Văn', 'Thị'];
const GIVEN = ['An', 'Bình', 'Cường'];
const HEAD_ID = '079178000777';
const MEMBER_ID = '001203004005';
const OLD_CARD = '280123456';

let gw: RunningGateway;
let worker: Record<string, string>;
/** The 36 households of province 96, in registration order. */
const households: Array<{ id: string; name: string; code: string; unitCode: string; village: string }> = [];
let position = '';

const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  requestJson(gw.baseUrl, method, path, headers, body);
const list = async (query: string, headers = worker) => {
  const r = await call('GET', `/v1/households?${query}`, { ...headers, 'x-wait-for-position': position });
  return { status: r.status, page: r.body as unknown as Page };
};
const ids = (page: Page) => page.households.map((h) => h.householdId).sort();
const idsOf = (pick: (h: (typeof households)[number], i: number) => boolean) =>
  households
    .filter(pick)
    .map((h) => h.id)
    .sort();

beforeAll(async () => {
  gw = await startGateway();
  worker = await authHeaders('case_worker', ['96']);
  const supervisor = await authHeaders('supervisor', ['96']);
  let i = 0;
  for (const family of FAMILIES) {
    for (const middle of MIDDLES) {
      for (const given of GIVEN) {
        const n = i++;
        const h = {
          name: `${family} ${middle} ${given}`,
          code: `C96-${String(n + 1).padStart(3, '0')}`,
          unitCode: n % 2 === 0 ? '96001' : '96002',
          village: `Ấp ${(n % 3) + 1}`,
        };
        const { householdId } = await postCreated(
          gw.baseUrl,
          '/v1/households',
          {
            head: { fullName: h.name, ...(n === 7 ? { nationalId: HEAD_ID } : {}) },
            memberCount: 3,
            area: 'rural',
            unitCode: h.unitCode,
            householdCode: h.code,
            village: h.village,
            // One a day from 1 September; the last ones share the 30th.
            occurredAt: `2025-09-${String(Math.min(n + 1, 30)).padStart(2, '0')}`,
          },
          worker,
        );
        households.push({ ...h, id: householdId as string });
      }
    }
  }
  // Every fourth household is reviewed poor; every eighth is also flagged unable to escape.
  for (const [n, h] of households.entries()) {
    if (n % 4 !== 0) continue;
    await postCreated(
      gw.baseUrl,
      `/v1/households/${h.id}/assessments`,
      {
        reviewType: 'regular',
        effectiveDate: '2025-10-15',
        incomePerCapitaVnd: 1_000_000,
        deprivations: ['water', 'sanitation', 'telecom'],
      },
      worker,
    );
    if (n % 8 === 0) {
      await postCreated(
        gw.baseUrl,
        `/v1/households/${h.id}/flags`,
        { action: 'set', basis: 'no_working_age_labour', reason: 'Chủ hộ cao tuổi', occurredAt: '2025-10-20' },
        supervisor,
      );
    }
  }
  for (const [n, nationalId] of [
    [5, MEMBER_ID],
    [9, OLD_CARD],
  ] as const) {
    await postCreated(
      gw.baseUrl,
      `/v1/households/${households[n]?.id}/members`,
      {
        person: { fullName: 'Lò Thị Xuân', nationalId },
        facts: { sex: 'female', relationship: 'spouse' },
        occurredAt: '2025-10-21',
      },
      worker,
    );
  }
  // The last event of all: household 3 is the most recently updated.
  const note = await postCreated(
    gw.baseUrl,
    `/v1/households/${households[3]?.id}/notes`,
    { text: 'Thăm hộ', occurredAt: '2025-10-22' },
    worker,
  );
  position = note.position as string;
}, 60_000);
afterAll(async () => {
  await gw?.close();
});

describe('searching the household list', () => {
  it('finds a head by name without accents or case, whole or in part', async () => {
    const whole = await list('q=nguyen%20van%20an');
    expect(whole.status).toBe(200);
    expect(whole.page).toMatchObject({ total: 1, totalExact: true });
    expect(whole.page.households[0]).toMatchObject({ headName: 'Nguyễn Văn An', householdCode: 'C96-001' });
    expect(ids((await list('q=VAN%20AN')).page)).toEqual(idsOf((h) => h.name.endsWith('Văn An')));
    expect((await list(`q=${encodeURIComponent('văn  an')}`)).page.total).toBe(6);
    // Parts of words: "…uyễn Th…" is in the three Nguyễn Thị …, not in Huỳnh Thị ….
    expect(ids((await list('q=uyen%20th')).page)).toEqual(idsOf((h) => h.name.startsWith('Nguyễn Thị')));
    expect((await list(`q=${encodeURIComponent('HUỲNH THỊ CƯỜNG')}`)).page.total).toBe(1);
  });

  it('finds by household code, exactly or by its beginning, case ignored', async () => {
    expect(ids((await list('q=c96-007')).page)).toEqual(idsOf((h) => h.code === 'C96-007'));
    const prefix = await list('q=C96-01&limit=3');
    expect(prefix.page).toMatchObject({ total: 10, totalExact: true });
    expect(prefix.page.households).toHaveLength(3);
  });

  it('finds by the ID number of the head or of a member, exactly', async () => {
    expect(ids((await list(`q=${HEAD_ID}`)).page)).toEqual([households[7]?.id]);
    expect(ids((await list(`q=${MEMBER_ID}`)).page)).toEqual([households[5]?.id]);
    expect(ids((await list(`q=${OLD_CARD}`)).page)).toEqual([households[9]?.id]);
    expect((await list(`q=${HEAD_ID.slice(0, 11)}`)).page.total).toBe(0);
  });

  it('filters by unit, village, classification and flag, and shows the flags', async () => {
    expect(ids((await list('unitCode=96002&limit=200')).page)).toEqual(idsOf((h) => h.unitCode === '96002'));
    expect(ids((await list(`village=${encodeURIComponent('Ấp 2')}&limit=200`)).page)).toEqual(
      idsOf((h) => h.village === 'Ấp 2'),
    );
    expect(ids((await list('status=poor&limit=200')).page)).toEqual(idsOf((_, n) => n % 4 === 0));
    const flagged = await list('flag=unable_to_escape');
    expect(ids(flagged.page)).toEqual(idsOf((_, n) => n % 8 === 0));
    expect(flagged.page.households.every((h) => h.flags.includes('unable_to_escape'))).toBe(true);
    const combined = await list(`status=poor&village=${encodeURIComponent('Ấp 1')}&q=nguyen`);
    expect(ids(combined.page)).toEqual(idsOf((h, n) => n % 4 === 0 && h.village === 'Ấp 1' && h.name.startsWith('N')));
    expect((await list('flag=bogus')).status).toBe(400);
  });

  it('sorts by name, code, registration and last update, either way, ties broken by id', async () => {
    const byName = await list('sort=name&limit=200');
    const names = byName.page.households.map((h) => h.headName ?? '');
    const fold = (s: string) =>
      s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/gi, 'd')
        .toLowerCase();
    expect(names.map(fold)).toEqual([...names.map(fold)].sort());
    const byNameDesc = await list('sort=-name&limit=200');
    expect(byNameDesc.page.households.map((h) => h.headName)).toEqual([...names].reverse());

    const byCode = await list('sort=-code&limit=5');
    expect(byCode.page.households.map((h) => h.householdCode)).toEqual([
      'C96-036',
      'C96-035',
      'C96-034',
      'C96-033',
      'C96-032',
    ]);
    const byRegistration = (await list('sort=registered&limit=200')).page.households.map((h) => h.registeredOn);
    expect(byRegistration).toEqual([...byRegistration].sort());
    // Registered on the same day (the dates stop at 30 September): the id decides, the same way each time.
    const sameDay = (await list('sort=registered&limit=200')).page.households.filter(
      (h) => h.registeredOn === '2025-09-30',
    );
    expect(sameDay.map((h) => h.householdId)).toEqual(sameDay.map((h) => h.householdId).sort());

    const updated = await list('sort=-updated&limit=3');
    expect(updated.page.households[0]?.householdId).toBe(households[3]?.id);
    expect((await list('sort=size')).status).toBe(400);
  });

  it('pages with limit and offset and tells the total; the cursor still pages the default order', async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 40; offset += 10) {
      const { page } = await list(`sort=name&limit=10&offset=${offset}`);
      expect(page).toMatchObject({ total: 36, totalExact: true, limit: 10, offset });
      expect(page.households).toHaveLength(offset < 30 ? 10 : 6);
      seen.push(...page.households.map((h) => h.householdId));
    }
    expect(new Set(seen).size).toBe(36);
    expect(seen.sort()).toEqual(idsOf(() => true));
    expect((await list('limit=10&offset=50')).page).toMatchObject({ households: [], total: 36 });

    const first = await list('limit=20');
    expect(first.page.nextCursor).toBeDefined();
    const second = await list(`limit=20&cursor=${first.page.nextCursor}`);
    expect(second.page).toMatchObject({ total: 36 });
    expect(second.page.households).toHaveLength(16);
    expect(second.page.nextCursor).toBeUndefined();
    expect((await list(`sort=name&cursor=${first.page.nextCursor}`)).status).toBe(400);
  });

  it('shows a list item with what the screen needs', async () => {
    const { page } = await list('q=C96-001');
    expect(page.households[0]).toEqual({
      householdId: households[0]?.id,
      householdCode: 'C96-001',
      unitCode: '96001',
      area: 'rural',
      village: 'Ấp 1',
      memberCount: 3,
      headName: 'Nguyễn Văn An',
      classification: 'poor',
      flags: ['unable_to_escape'],
      registeredOn: '2025-09-01',
      version: 3,
      updatedAt: expect.any(String),
    });
  });

  it('lists nothing outside the caller’s units', async () => {
    const other = await authHeaders('case_worker', ['86001']);
    for (const query of ['', 'q=van%20an', `q=${HEAD_ID}`, 'q=C96']) {
      const { status, page } = await list(query, other);
      expect(status).toBe(200);
      expect(page).toMatchObject({ households: [], total: 0, totalExact: true });
    }
    expect((await list('unitCode=96001', other)).status).toBe(403);
    const commune = await authHeaders('case_worker', ['96001']);
    expect(ids((await list('q=van%20an', commune)).page)).toEqual(
      idsOf((h) => h.name.endsWith('Văn An') && h.unitCode === '96001'),
    );
  });

  it('no longer finds an erased household by its name or ID number', async () => {
    const erased = households[7] as (typeof households)[number];
    const findable = async () => ({
      byName: (await list(`q=${encodeURIComponent(erased.name)}`)).page.total,
      byId: (await list(`q=${HEAD_ID}`)).page.total,
    });
    expect(await findable()).toEqual({ byName: 1, byId: 1 });
    // The store's erasure (the personal part of each event), then the read models'.
    const client = new pg.Client({ connectionString: gw.database.url });
    await client.connect();
    try {
      await client.query('UPDATE es_events SET personal = NULL WHERE stream_id = $1', [`household-${erased.id}`]);
    } finally {
      await client.end();
    }
    await forgetHouseholdPersonalData(gw.runtime.app.deps.readModels, erased.id);
    expect(await findable()).toEqual({ byName: 0, byId: 0 });
    const byCode = await list(`q=${erased.code}`);
    expect(byCode.page.households).toMatchObject([{ householdId: erased.id, headName: null }]);
  });
});
