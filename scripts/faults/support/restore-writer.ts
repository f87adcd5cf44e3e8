import { randomUUID } from 'node:crypto';
import { signToken } from '@benvung/gateway';
import { FAULT_JWT_SECRET } from './gateway-process.js';

/**
 * A case worker writing through the gateway, one request at a time: the backup test needs to know
 * exactly which writes were acknowledged before and after its target time, not a load.
 */
export class RestoreWriter {
  readonly #baseUrl: string;
  readonly #headers: Record<string, string>;

  private constructor(baseUrl: string, headers: Record<string, string>) {
    this.#baseUrl = baseUrl;
    this.#headers = headers;
  }

  static async create(baseUrl: string): Promise<RestoreWriter> {
    const secret = new TextEncoder().encode(FAULT_JWT_SECRET);
    const token = await signToken(secret, { role: 'case_worker', units: ['96'], sub: 'restore-writer' }, 3600);
    return new RestoreWriter(baseUrl, { authorization: `Bearer ${token}`, 'content-type': 'application/json' });
  }

  async #post(path: string, body: unknown): Promise<Record<string, unknown>> {
    const r = await fetch(`${this.#baseUrl}${path}`, {
      method: 'POST',
      headers: { ...this.#headers, 'idempotency-key': randomUUID() },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const json = (await r.json()) as Record<string, unknown>;
    if (r.status !== 201) throw new Error(`POST ${path}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  }

  /** Registers `count` households, each with a note; resolves with their ids once all are acknowledged. */
  async households(label: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let n = 0; n < count; n++) {
      const registered = await this.#post('/v1/households', {
        head: { fullName: `Hộ ${label} ${n}` },
        memberCount: 1 + (n % 5),
        unitCode: '31825',
      });
      const id = String(registered.householdId);
      await this.#post(`/v1/households/${id}/notes`, { text: `thăm hộ ${label} ${n}`, category: 'visit' });
      ids.push(id);
    }
    return ids;
  }
}
