import type pg from 'pg';
import { createClient } from './multi-host.js';
import { POOL_CONNECT_TIMEOUT_MS } from './pool.js';

export const CHANNEL = 'es_events';
/** Under a stream of appends, at most one NOTIFY per this interval leaves this process. */
const NOTIFY_SPACING_MS = 5;
/** After a failed connect, the first wait before the next one; it doubles up to the cap. */
const RECONNECT_FIRST_MS = 100;
const RECONNECT_CAP_MS = 5000;

/**
 * Wake-ups for subscribers, over one connection of its own that LISTENs and sends NOTIFYs (so neither
 * takes a connection from the store's pool). Notifications are only a hint — subscribers also poll —
 * so a lost connection or a NOTIFY that never went out delays them but never loses an event.
 *
 * Appends do not NOTIFY inside their transaction: PostgreSQL serialises the commits of notifying
 * transactions behind one cluster-wide lock held through the commit's WAL flush, which defeated group
 * commit (8 writers ran no faster than 1). The store announces after commit instead: subscribers in
 * this process are woken at once, other processes by one coalesced NOTIFY per burst.
 *
 * A lost connection is opened again at once while subscribers wait (they are woken when it is back,
 * to read what was committed meanwhile); while the server stays away, attempts are spaced out
 * (doubling, capped) so a stopped database is not hammered, and polling carries on meanwhile.
 */
export class Notifier {
  readonly #connectionString: string;
  readonly #waiters = new Set<() => void>();
  #generation = 0;
  #client: pg.Client | undefined;
  #connecting: Promise<pg.Client | undefined> | undefined;
  #sending: Promise<void> | undefined;
  #sendAgain = false;
  #closed = false;
  #failedConnects = 0;
  #nextConnectAt = 0;
  #reconnectTimer: NodeJS.Timeout | undefined;

  constructor(connectionString: string) {
    this.#connectionString = connectionString;
  }

  /** Changes with every wake-up: read it before a read, pass it to `wait` so none is missed in between. */
  get generation(): number {
    return this.#generation;
  }

  /** Resolves on the next wake-up after `since`, after `timeoutMs`, or when `signal` aborts. */
  async wait(timeoutMs: number, signal?: AbortSignal, since = this.#generation): Promise<void> {
    void this.#connection();
    if (signal?.aborted || this.#closed || since !== this.#generation) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.#waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal?.addEventListener('abort', done, { once: true });
      this.#waiters.add(done);
    });
  }

  /** After a commit: wake local subscribers now, and other processes by a (coalesced) NOTIFY. */
  announce(): void {
    this.#wakeAll();
    if (this.#closed) return;
    if (this.#sending) {
      this.#sendAgain = true;
      return;
    }
    this.#sending = this.#connection()
      .then((client) => client?.query(`NOTIFY ${CHANNEL}`))
      .catch(() => {})
      .then(() => new Promise<void>((resolve) => setTimeout(resolve, NOTIFY_SPACING_MS).unref()))
      .finally(() => {
        this.#sending = undefined;
        if (this.#sendAgain) {
          this.#sendAgain = false;
          this.announce();
        }
      });
  }

  #wakeAll() {
    this.#generation++;
    for (const w of [...this.#waiters]) w();
  }

  /** The LISTENing connection, (re)opened on demand; undefined while it cannot be had. */
  #connection(): Promise<pg.Client | undefined> {
    if (this.#closed) return Promise.resolve(undefined);
    if (this.#client) return Promise.resolve(this.#client);
    if (!this.#connecting && Date.now() < this.#nextConnectAt) return Promise.resolve(undefined);
    this.#connecting ??= this.#connect().finally(() => {
      this.#connecting = undefined;
    });
    return this.#connecting;
  }

  async #connect(): Promise<pg.Client | undefined> {
    const client = createClient(this.#connectionString, { connectionTimeoutMillis: POOL_CONNECT_TIMEOUT_MS });
    const lost = () => {
      if (this.#client !== client) return;
      this.#client = undefined;
      this.#reconnectSoon();
    };
    client.on('error', () => {
      lost();
      client.end().catch(() => {});
    });
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch {
      await client.end().catch(() => {});
      this.#failedConnects++;
      this.#nextConnectAt =
        Date.now() + Math.min(RECONNECT_FIRST_MS * 2 ** (this.#failedConnects - 1), RECONNECT_CAP_MS);
      this.#reconnectSoon();
      return undefined;
    }
    this.#failedConnects = 0;
    this.#nextConnectAt = 0;
    if (this.#closed) {
      await client.end().catch(() => {});
      return undefined;
    }
    this.#client = client;
    client.on('notification', () => this.#wakeAll());
    // Events committed while nobody listened are picked up by this wake-up.
    this.#wakeAll();
    return client;
  }

  /** While someone waits for wake-ups, the connection is reopened without waiting for their next read. */
  #reconnectSoon(): void {
    if (this.#closed || this.#reconnectTimer || this.#waiters.size === 0) return;
    this.#reconnectTimer = setTimeout(
      () => {
        this.#reconnectTimer = undefined;
        void this.#connection();
      },
      Math.max(0, this.#nextConnectAt - Date.now()),
    );
    this.#reconnectTimer.unref();
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#reconnectTimer);
    this.#sendAgain = false;
    this.#wakeAll();
    await this.#connecting;
    await this.#sending;
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }
}
