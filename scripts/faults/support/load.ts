import { randomUUID } from 'node:crypto';
import { signToken } from '@benvung/gateway';
import { FAULT_JWT_SECRET } from './gateway-process.js';

/** One HTTP exchange as a client saw it; `status` 0 when no answer came (connection refused or reset). */
export interface Exchange {
  method: string;
  route: string;
  sentAt: number;
  receivedAt: number;
  status: number;
  code?: string;
  contentType?: string | null;
  retryAfter?: string | null;
  error?: string;
}

/** A write the server acknowledged with 201: it must be in its household's stream exactly once. */
export interface AcknowledgedWrite {
  householdId: string;
  key: string;
  version: number;
  /** When the acknowledgement arrived. */
  at: number;
}

export interface Load {
  readonly exchanges: Exchange[];
  readonly acknowledged: AcknowledgedWrite[];
  /** Households registered so far (acknowledged). */
  households(): string[];
  /** Ends the loops after the requests in flight; resolves when they have ended. */
  stop(): Promise<void>;
}

const UNIT = '31825';
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function exchange(
  baseUrl: string,
  method: string,
  route: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ exchange: Exchange; json: Record<string, unknown> | undefined }> {
  const sentAt = Date.now();
  try {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await r.text();
    const json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    return {
      exchange: {
        method,
        route,
        sentAt,
        receivedAt: Date.now(),
        status: r.status,
        ...(typeof json?.code === 'string' ? { code: json.code } : {}),
        contentType: r.headers.get('content-type'),
        retryAfter: r.headers.get('retry-after'),
      },
      json,
    };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return {
      exchange: {
        method,
        route,
        sentAt,
        receivedAt: Date.now(),
        status: 0,
        error: `${(err as Error).message}${cause ? ` (${cause})` : ''}`,
      },
      json: undefined,
    };
  }
}

/**
 * `writers` case workers writing at once: each registers a household, then adds notes to it, every
 * request with an Idempotency-Key, and repeats a request with the same key until it is acknowledged
 * (a 503 or a lost connection leaves it unknown whether it was stored: a repeat must not store it
 * twice). `readers` more read households and the list. Every exchange is recorded.
 */
export async function startLoad(baseUrl: () => string, options: { writers: number; readers: number }): Promise<Load> {
  const run = randomUUID().slice(0, 8);
  const exchanges: Exchange[] = [];
  const acknowledged: AcknowledgedWrite[] = [];
  const households: string[] = [];
  let stopped = false;

  const headersOf = async (sub: string) => ({
    authorization: `Bearer ${await signToken(new TextEncoder().encode(FAULT_JWT_SECRET), { role: 'case_worker', units: ['96'], sub }, 3600)}`,
    'content-type': 'application/json',
  });

  async function writer(w: number): Promise<void> {
    const headers = await headersOf(`fault-writer-${run}-${w}`);
    let household: string | undefined;
    for (let n = 0; !stopped; n++) {
      const key = `${run}-w${w}-${n}`;
      const register = household === undefined || n % 4 === 0;
      for (;;) {
        const { exchange: ex, json } = register
          ? await exchange(
              baseUrl(),
              'POST',
              '/v1/households',
              '/v1/households',
              { ...headers, 'idempotency-key': key },
              {
                head: { fullName: `Hộ thử ${w}-${n}` },
                memberCount: 1 + (n % 6),
                unitCode: UNIT,
              },
            )
          : await exchange(
              baseUrl(),
              'POST',
              '/v1/households/:id/notes',
              `/v1/households/${household}/notes`,
              { ...headers, 'idempotency-key': key },
              { text: `ghi chú ${n}`, category: 'visit' },
            );
        exchanges.push(ex);
        if (ex.status === 201 && json) {
          const householdId = String(json.householdId);
          acknowledged.push({ householdId, key, version: Number(json.version), at: ex.receivedAt });
          if (register) {
            household = householdId;
            households.push(householdId);
          }
          break;
        }
        if (stopped) return;
        await pause(ex.status === 0 ? 250 : 100);
      }
    }
  }

  async function reader(r: number): Promise<void> {
    const headers = await headersOf(`fault-reader-${run}-${r}`);
    for (let n = 0; !stopped; n++) {
      const id = households[(n * 7 + r) % Math.max(households.length, 1)];
      const { exchange: ex } =
        id && n % 3 !== 0
          ? await exchange(baseUrl(), 'GET', '/v1/households/:id', `/v1/households/${id}`, headers)
          : await exchange(baseUrl(), 'GET', '/v1/households', '/v1/households?limit=20', headers);
      exchanges.push(ex);
      await pause(ex.status === 0 ? 250 : 50);
    }
  }

  const loops = [
    ...Array.from({ length: options.writers }, (_, w) => writer(w)),
    ...Array.from({ length: options.readers }, (_, r) => reader(r)),
  ];
  return {
    exchanges,
    acknowledged,
    households: () => [...households],
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}
