import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type RunningGateway, startGateway } from './helpers.js';

let gw: RunningGateway;
let worker: Record<string, string>;
beforeAll(async () => {
  gw = await startGateway();
  worker = await authHeaders('case_worker', ['96001']);
});
afterAll(async () => {
  await gw?.close();
});

/**
 * The append committed but the answer never reached the client (the connection was cut after the
 * commit, the database went away before the stored response was written): the client repeats the
 * request with its Idempotency-Key. Forgetting the stored response reproduces that state.
 */
const forgetStoredResponses = () => gw.runtime.app.deps.db.deleteFrom('idempotency_key').execute();

const post = (path: string, key: string, body: unknown) =>
  fetch(`${gw.baseUrl}${path}`, {
    method: 'POST',
    headers: { ...worker, 'idempotency-key': key },
    body: JSON.stringify(body),
  });

describe('a request repeated after its stored attempt lost its answer', () => {
  it('answers what the first attempt stored, and stores nothing twice', async () => {
    const registration = { head: { fullName: 'Đinh Văn Lâm' }, memberCount: 2, area: 'rural', unitCode: '96001' };
    const first = await post('/v1/households', 'lost-reg-1', registration);
    expect(first.status).toBe(201);
    const registered = (await first.json()) as { householdId: string; version: number; position: string };
    const note = { text: 'thăm hộ', category: 'visit' };
    const noted = await post(`/v1/households/${registered.householdId}/notes`, 'lost-note-1', note);
    expect(noted.status).toBe(201);
    const firstNote = (await noted.json()) as Record<string, unknown>;

    await forgetStoredResponses();
    const again = await post('/v1/households', 'lost-reg-1', registration);
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(registered);
    const noteAgain = await post(`/v1/households/${registered.householdId}/notes`, 'lost-note-1', note);
    expect(noteAgain.status).toBe(201);
    expect(await noteAgain.json()).toEqual(firstNote);

    const stream = await gw.runtime.app.deps.store.readStream(`household-${registered.householdId}`);
    expect(stream.map((e) => [e.type, e.metadata.idempotencyKey])).toEqual([
      ['HouseholdRegistered', 'lost-reg-1'],
      ['NoteAdded', 'lost-note-1'],
    ]);
    // Another request under a key nobody used is decided as usual.
    const second = await post('/v1/households', 'lost-reg-2', { ...registration, householdId: registered.householdId });
    expect(second.status).toBe(409);
  });
});
