import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, eventually, postCreated, type RunningGateway, startGateway } from './helpers.js';

/** A household whose registration committed is never "not found", however far the projection lags. */

let gw: RunningGateway;
let worker: Record<string, string>;
beforeAll(async () => {
  gw = await startGateway();
  worker = await authHeaders('case_worker', ['96']);
});
afterAll(async () => {
  await gw?.close();
});

const get = (id: string, headers: Record<string, string>) => fetch(`${gw.baseUrl}/v1/households/${id}`, { headers });

describe('reading a household the read model does not have yet', () => {
  it('answers from the event stream, in the same shape, only inside the caller’s units', async () => {
    const register = (fullName: string) =>
      postCreated(
        gw.baseUrl,
        '/v1/households',
        {
          head: { fullName, nationalId: '079178000123' },
          memberCount: 4,
          area: 'rural',
          unitCode: '96001',
          householdCode: 'LAG-1',
          village: 'Ấp 4',
          occurredAt: '2025-09-15',
        },
        worker,
      );
    // Projected as usual first: the shape to compare with.
    const projected = await register('Châu Văn Sớm');
    // Under load the position wait can give up before the projection gets there (and answer from the
    // stream, correctly): ask until the read model has it.
    const fromReadModel = await eventually(async () => {
      const r = await get(projected.householdId as string, {
        ...worker,
        'x-wait-for-position': projected.position as string,
      });
      return r.headers.get('x-read-source') === 'read-model' ? r : undefined;
    }, 20_000);
    const usual = (await fromReadModel.json()) as Record<string, unknown>;

    await gw.runtime.projector?.stop();
    const lagging = await register('Châu Văn Muộn');
    const id = lagging.householdId as string;
    const response = await get(id, worker);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-read-source')).toBe('stream');
    expect(response.headers.get('etag')).toBe('"1"');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      ...usual,
      householdId: id,
      headName: 'Châu Văn Muộn',
      updatedAt: expect.any(String),
    });
    expect(Object.keys(body).sort()).toEqual(Object.keys(usual).sort());

    // A command on it is seen at once too: the stream is as current as the log.
    const note = await postCreated(gw.baseUrl, `/v1/households/${id}/notes`, { text: 'Thăm hộ' }, worker);
    const waited = await get(id, { ...worker, 'x-wait-for-position': note.position as string });
    expect(waited.status).toBe(200);
    expect(waited.headers.get('x-read-source')).toBe('stream');
    expect(await waited.json()).toMatchObject({ version: 2 });

    // Outside the caller's units, and for a household never registered: 404, from the stream as from the table.
    const elsewhere = await get(id, await authHeaders('case_worker', ['86001']));
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.json()).toMatchObject({ code: 'HOUSEHOLD_NOT_FOUND' });
    expect((await get(crypto.randomUUID(), worker)).status).toBe(404);
    expect((await get(projected.householdId as string, await authHeaders('auditor', ['86']))).status).toBe(404);
  });
});
