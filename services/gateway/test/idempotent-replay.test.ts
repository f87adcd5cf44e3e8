import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type RunningGateway, startGateway } from './helpers.js';

/** A retry with the same Idempotency-Key gets the first answer back whole: status, body and headers. */

let gw: RunningGateway;
let worker: Record<string, string>;
beforeAll(async () => {
  gw = await startGateway();
  worker = await authHeaders('case_worker', ['96']);
});
afterAll(async () => {
  await gw?.close();
});

const post = (path: string, key: string, body: unknown) =>
  fetch(`${gw.baseUrl}${path}`, {
    method: 'POST',
    headers: { ...worker, 'idempotency-key': key },
    body: JSON.stringify(body),
  });

describe('idempotent replays', () => {
  it('replay a registration with its ETag and Location', async () => {
    const body = { head: { fullName: 'Huỳnh Văn Nghệ' }, memberCount: 3, unitCode: '31843' };
    const first = await post('/v1/households', 'replay-register-1', body);
    expect(first.status).toBe(201);
    const created = (await first.json()) as { householdId: string };
    expect(first.headers.get('etag')).toBe('"1"');
    expect(first.headers.get('location')).toBe(`/v1/households/${created.householdId}`);

    const again = await post('/v1/households', 'replay-register-1', body);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('etag')).toBe('"1"');
    expect(again.headers.get('location')).toBe(`/v1/households/${created.householdId}`);
    expect(await again.json()).toEqual(created);
  });

  it('replay a command with the ETag of the version it made, even after later commands', async () => {
    const registered = (await (
      await post('/v1/households', 'replay-register-2', {
        head: { fullName: 'Trịnh Thị Thu' },
        memberCount: 2,
        unitCode: '31843',
      })
    ).json()) as { householdId: string };
    const path = `/v1/households/${registered.householdId}/notes`;
    const first = await post(path, 'replay-note-1', { text: 'Lần thăm đầu' });
    expect(first.status).toBe(201);
    expect(first.headers.get('etag')).toBe('"2"');
    await post(path, 'replay-note-2', { text: 'Lần thăm sau' });

    const again = await post(path, 'replay-note-1', { text: 'Lần thăm đầu' });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('etag')).toBe('"2"');
    expect(again.headers.get('location')).toBeNull();
  });

  it('replay a response stored before headers were kept with the ETag its body names', async () => {
    const registered = (await (
      await post('/v1/households', 'replay-register-3', {
        head: { fullName: 'Mai Văn Tân' },
        memberCount: 2,
        unitCode: '31843',
      })
    ).json()) as { householdId: string };
    // As a row written by an earlier release looks: no headers recorded.
    await sql`UPDATE idempotency_key SET response_headers = '{}'::jsonb WHERE key = 'replay-register-3'`.execute(
      gw.runtime.app.deps.db,
    );
    const again = await post('/v1/households', 'replay-register-3', {
      head: { fullName: 'Mai Văn Tân' },
      memberCount: 2,
      unitCode: '31843',
    });
    expect(again.status).toBe(201);
    expect(again.headers.get('etag')).toBe('"1"');
    expect(again.headers.get('location')).toBe(`/v1/households/${registered.householdId}`);
  });
});
