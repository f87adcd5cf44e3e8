import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type RunningGateway, requestJson, startGateway } from './helpers.js';

/** Names as typed on any keyboard are stored in one spelling; characters that hide or reorder text are refused. */

let gw: RunningGateway;
let worker: Record<string, string>;
beforeAll(async () => {
  gw = await startGateway();
  worker = await authHeaders('case_worker', ['96']);
});
afterAll(async () => {
  await gw?.close();
});

const call = (method: string, path: string, body?: unknown) => requestJson(gw.baseUrl, method, path, worker, body);
const register = (fullName: string, extra: Record<string, unknown> = {}) =>
  call('POST', '/v1/households', { head: { fullName }, memberCount: 2, unitCode: '31843', ...extra });

const NAME = 'Nguyễn Thị Hường';

describe('names in NFC', () => {
  it('stores a name typed in NFD as NFC, and finds it by either spelling', async () => {
    const r = await register(NAME.normalize('NFD'), { village: 'Ấp Phước Thạnh'.normalize('NFD') });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = r.body.householdId as string;
    const read = await requestJson(gw.baseUrl, 'GET', `/v1/households/${id}`, {
      ...worker,
      'x-wait-for-position': r.body.position as string,
      'x-wait-timeout-ms': '10000',
    });
    expect(read.body.headName).toBe(NAME.normalize('NFC'));
    expect(read.body.village).toBe('Ấp Phước Thạnh'.normalize('NFC'));
    const [registered] = await gw.runtime.app.deps.store.readStream(`household-${id}`);
    expect(registered?.personal).toEqual({ head: { fullName: NAME.normalize('NFC') } });
    for (const spelling of [NAME.normalize('NFC'), NAME.normalize('NFD')]) {
      const found = await call('GET', `/v1/households?q=${encodeURIComponent(spelling)}`);
      expect(found.status).toBe(200);
      expect((found.body.households as Array<{ householdId: string }>).map((h) => h.householdId)).toContain(id);
    }

    const member = await call('POST', `/v1/households/${id}/members`, {
      person: { fullName: 'Trần Văn Đức'.normalize('NFD') },
      facts: { sex: 'male', relationship: 'spouse' },
    });
    expect(member.status, JSON.stringify(member.body)).toBe(201);
    const members = await call('GET', `/v1/households/${id}/members`);
    expect(JSON.stringify(members.body)).toContain('Trần Văn Đức'.normalize('NFC'));
  });
});

describe('characters that hide or reorder text', () => {
  it('refuses a name with a right-to-left override (U+202E) with 422 INVALID_CHARACTERS', async () => {
    const r = await register('Nguyễn\u202EnA');
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.type).toContain('application/problem+json');
    expect(r.body).toMatchObject({ code: 'INVALID_CHARACTERS' });
    expect(r.body.errors).toEqual([expect.objectContaining({ path: '/head/fullName' })]);
    expect(String(r.body.detail)).toContain('U+202E');
  });

  it('answers INVALID_CHARACTERS in Vietnamese too', async () => {
    const r = await requestJson(
      gw.baseUrl,
      'POST',
      '/v1/households',
      { ...worker, 'accept-language': 'vi' },
      {
        head: { fullName: 'Lê\u2066Văn' },
        memberCount: 2,
        unitCode: '31843',
      },
    );
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ code: 'INVALID_CHARACTERS' });
    expect(String(r.body.title)).toMatch(/ký tự/i);
  });

  it('refuses control characters in a note and a member’s name, and in an amendment’s replacement', async () => {
    const r = await register('Phạm Văn Đồng');
    const id = r.body.householdId as string;
    const note = await call('POST', `/v1/households/${id}/notes`, { text: 'Đã thăm\u001B[2J hộ' });
    expect(note.status, JSON.stringify(note.body)).toBe(422);
    expect(note.body).toMatchObject({ code: 'INVALID_CHARACTERS' });
    const member = await call('POST', `/v1/households/${id}/members`, {
      person: { fullName: 'Trần\u0085Văn' },
      facts: { sex: 'male', relationship: 'child' },
    });
    expect(member.status).toBe(422);

    const kept = await call('POST', `/v1/households/${id}/notes`, { text: 'Lần 1' });
    expect(kept.status).toBe(201);
    const events = await gw.runtime.app.deps.store.readStream(`household-${id}`);
    const noted = events.find((e) => e.type === 'NoteAdded');
    const amended = await requestJson(
      gw.baseUrl,
      'POST',
      `/v1/households/${id}/corrections`,
      await authHeaders('supervisor', ['96']),
      {
        action: 'amend',
        eventId: noted?.eventId,
        reason: 'Sửa ghi chú',
        correction: { type: 'AddNote', text: 'Lần\u202E 1', occurredOn: '2025-08-01' },
      },
    );
    expect(amended.status, JSON.stringify(amended.body)).toBe(422);
    expect(amended.body).toMatchObject({ code: 'INVALID_CHARACTERS' });
  });

  it('keeps the line breaks of a note', async () => {
    const r = await register('Phạm Thị Lan');
    const note = await call('POST', `/v1/households/${r.body.householdId}/notes`, { text: 'Dòng 1\nDòng 2' });
    expect(note.status).toBe(201);
  });
});
