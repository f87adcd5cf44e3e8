import pg from 'pg';

export const CHANNEL = 'es_events';
/** Under a stream of appends, at most one NOTIFY per this interval leaves this process. */
const NOTIFY_SPACING_MS = 5;

/**
 * Wake-ups for subscribers, over one connection of its own that LISTENs and sends NOTIFYs (so neither
 * takes a connection from the store's pool). Notifications are only a hint — subscribers also poll —
 * so a lost connection or a NOTIFY that never went out delays them but never loses an event.
 *
 * Appends do not NOTIFY inside their transaction: PostgreSQL serialises the commits of notifying
 * transactions behind one cluster-wide lock held through the commit's WAL flush, which defeated group
 * commit (8 writers ran no faster than 1). The store announces after commit instead: subscribers in
 * this process are woken at once, other processes by one coalesced NOTIFY per burst.
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
    this.#connecting ??= this.#connect().finally(() => {
      this.#connecting = undefined;
    });
    return this.#connecting;
  }

  async #connect(): Promise<pg.Client | undefined> {
    const client = new pg.Client({ connectionString: this.#connectionString });
    client.on('error', () => {
      if (this.#client === client) this.#client = undefined;
      client.end().catch(() => {});
    });
    client.on('end', () => {
      if (this.#client === client) this.#client = undefined;
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch {
      await client.end().catch(() => {});
      return undefined;
    }
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

  async close(): Promise<void> {
    this.#closed = true;
    this.#sendAgain = false;
    this.#wakeAll();
    await this.#connecting;
    await this.#sending;
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }
}
