import pg from 'pg';
import {
  type HostAddress,
  hostLabel,
  type MultiHostUrl,
  parseMultiHostUrl,
  type SessionState,
  sessionMatches,
  type TargetSessionAttrs,
} from './multi-host-url.js';
import { POOL_CONNECT_TIMEOUT_MS } from './pool.js';

/**
 * Every pool and client the services open goes through `createPool` / `createClient`, so a
 * connection string listing several hosts with `target_session_attrs` (libpq's failover) works the
 * same everywhere: each new connection goes to a host that matches, and after a failover new
 * connections find the promoted server by themselves. node-postgres has no such thing: it connects to
 * one host. An ordinary connection string is passed to node-postgres untouched.
 */

/** One round trip on a fresh connection: what libpq asks when the server does not report it. */
const STATE_QUERY = `SELECT pg_is_in_recovery() AS in_recovery,
  current_setting('transaction_read_only') = 'on' AS read_only`;

async function sessionState(client: pg.ClientBase): Promise<SessionState> {
  const { rows } = await client.query<{ in_recovery: boolean; read_only: boolean }>(STATE_QUERY);
  const row = rows[0];
  return { inRecovery: row?.in_recovery === true, readOnly: row?.read_only === true };
}

const describeState = (s: SessionState) =>
  s.inRecovery ? 'a standby' : s.readOnly ? 'a primary in read-only mode' : 'a read-write primary';

/**
 * No host could be had as asked. Its SQLSTATE, sqlclient_unable_to_establish_sqlconnection (class
 * 08), makes callers treat it as the database being away (503, retry); `errors` says why per host.
 */
export class NoSuitableHostError extends Error {
  readonly code = '08001';
  constructor(
    target: TargetSessionAttrs,
    readonly errors: readonly unknown[],
  ) {
    super(
      `no host of the connection string is ${target === 'any' ? 'reachable' : `a ${target} server`}: ${errors
        .map((e) => (e instanceof Error ? e.message : String(e)))
        .join('; ')}`,
    );
    this.name = 'NoSuitableHostError';
  }
}

/** A host found by looking, and whether it matched (prefer-standby settles for any host when no standby answers). */
interface Found {
  host: HostAddress;
  matched: boolean;
}

/**
 * Which host new connections go to. It remembers the last host that matched, so connections are not
 * preceded by a look at every host; it forgets it when a connection there fails or breaks (the server
 * went away or changed role), and the next connection looks again: each host in the listed order,
 * the first one that matches wins. One look at a time, shared by every connection waiting for it.
 */
class HostSelector {
  #known: HostAddress | undefined;
  #looking: Promise<Found> | undefined;

  constructor(readonly url: MultiHostUrl) {}

  pick(timeoutMs: number): Promise<Found> {
    if (this.#known) return Promise.resolve({ host: this.#known, matched: true });
    // One host and no role to check: nothing to look for.
    const only = this.url.hosts.length === 1 ? this.url.hosts[0] : undefined;
    if (only && this.url.target === 'any') return Promise.resolve({ host: only, matched: true });
    this.#looking ??= this.#look(timeoutMs).finally(() => {
      this.#looking = undefined;
    });
    return this.#looking;
  }

  confirm(host: HostAddress): void {
    this.#known = host;
  }

  forget(host: HostAddress): void {
    if (this.#known === host) this.#known = undefined;
  }

  async #look(timeoutMs: number): Promise<Found> {
    const { hosts, target } = this.url;
    // A host that drops packets must not use up the whole budget before the next one is tried.
    const perHostMs = Math.max(1000, Math.floor(timeoutMs / hosts.length));
    const errors: unknown[] = [];
    let fallback: HostAddress | undefined;
    for (const host of hosts) {
      const probe = new pg.Client({ connectionString: this.url.urlFor(host), connectionTimeoutMillis: perHostMs });
      // A probe whose server goes away while we ask must not end the process.
      probe.on('error', () => {});
      try {
        await probe.connect();
        const state = await sessionState(probe);
        if (sessionMatches(target, state)) return { host, matched: true };
        fallback ??= host;
        errors.push(new Error(`${hostLabel(host)} is ${describeState(state)}`));
      } catch (err) {
        errors.push(err);
      } finally {
        await probe.end().catch(() => {});
      }
    }
    if (target === 'prefer-standby' && fallback) return { host: fallback, matched: false };
    throw new NoSuitableHostError(target, errors);
  }
}

/** One selector per connection string in a process: every pool on it shares what was learned. */
const selectors = new Map<string, HostSelector>();

function selectorFor(connectionString: string, url: MultiHostUrl): HostSelector {
  let selector = selectors.get(connectionString);
  if (!selector) {
    selector = new HostSelector(url);
    selectors.set(connectionString, selector);
  }
  return selector;
}

type ConnectCallback = ((err: Error) => void) | ((err: null, c: pg.Client) => void);

/**
 * A pg.Client that picks its host when it connects, and checks the server's role on the connection
 * itself too (a server may have changed role since it was looked at). pg-pool constructs it with the
 * pool's options, so the pool needs nothing else.
 */
function clientClassFor(selector: HostSelector, timeoutMs: number) {
  return class MultiHostClient extends pg.Client {
    #host: HostAddress | undefined;

    constructor(config: pg.ClientConfig) {
      super(config);
      // A connection that breaks may mean its server went away or was demoted: look again next time.
      // (Listening here does not hide the error: guardPool and pg-pool have listeners of their own.)
      this.on('error', () => {
        if (this.#host) selector.forget(this.#host);
      });
    }

    override connect(): Promise<pg.Client>;
    override connect(callback: ConnectCallback): void;
    override connect(callback?: ConnectCallback): Promise<pg.Client> | undefined {
      const connected = this.#connectToTarget();
      if (!callback) return connected;
      connected.then(
        (client) => (callback as (err: null, c: pg.Client) => void)(null, client),
        (err: Error) => (callback as (err: Error) => void)(err),
      );
      return undefined;
    }

    async #connectToTarget(): Promise<pg.Client> {
      const { host, matched } = await selector.pick(timeoutMs);
      // pg-pool gives up on a slow connect by destroying the socket: looking took too long.
      if (this.connection.stream.destroyed) throw new Error('timeout expired');
      this.#host = host;
      // node-postgres reads these when it opens the socket; credentials and the rest came from the URL.
      this.host = host.host.replace(/^\[(.*)\]$/, '$1');
      if (host.port !== undefined) this.port = host.port;
      try {
        await super.connect();
      } catch (err) {
        selector.forget(host);
        throw err;
      }
      try {
        const { target } = selector.url;
        if (target !== 'any') {
          const state = await sessionState(this);
          if (!sessionMatches(target, state)) {
            if (!(target === 'prefer-standby' && !matched)) {
              throw new NoSuitableHostError(target, [new Error(`${hostLabel(host)} is ${describeState(state)}`)]);
            }
            // A fallback: connected, but not remembered, so the next connection looks for a standby again.
            return this;
          }
        }
        selector.confirm(host);
        return this;
      } catch (err) {
        selector.forget(host);
        // Not awaited: ending a connection whose socket already closed may never settle.
        this.end().catch(() => {});
        throw err;
      }
    }
  };
}

/** A pg.Pool on `connectionString`, which may list several hosts with `target_session_attrs`. */
export function createPool(connectionString: string, config: Omit<pg.PoolConfig, 'connectionString'> = {}): pg.Pool {
  const url = parseMultiHostUrl(connectionString);
  const first = url?.hosts[0];
  if (!url || !first) return new pg.Pool({ ...config, connectionString });
  const Client = clientClassFor(
    selectorFor(connectionString, url),
    config.connectionTimeoutMillis ?? POOL_CONNECT_TIMEOUT_MS,
  );
  // pg-pool calls `new Client(options)`; @types/pg types the option as a constructor without arguments.
  return new pg.Pool({
    ...config,
    connectionString: url.urlFor(first),
    Client: Client as unknown as new () => pg.Client,
  });
}

/** A pg.Client (not connected yet) on `connectionString`, which may list several hosts. */
export function createClient(
  connectionString: string,
  config: Omit<pg.ClientConfig, 'connectionString'> = {},
): pg.Client {
  const url = parseMultiHostUrl(connectionString);
  const first = url?.hosts[0];
  if (!url || !first) return new pg.Client({ ...config, connectionString });
  const Client = clientClassFor(
    selectorFor(connectionString, url),
    config.connectionTimeoutMillis ?? POOL_CONNECT_TIMEOUT_MS,
  );
  return new Client({ ...config, connectionString: url.urlFor(first) });
}
