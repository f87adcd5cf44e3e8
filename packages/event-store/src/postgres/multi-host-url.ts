/**
 * libpq's multi-host connection strings (`postgres://user@h1:5432,h2:5433/db?target_session_attrs=read-write`),
 * which node-postgres does not understand: its parser (pg-connection-string) reads the URL with WHATWG
 * `URL`, which rejects a host list with ports and takes `h1,h2` for one host name. Only the host list
 * and `target_session_attrs` are handled here; everything else (credentials, database, TLS and other
 * parameters) stays in a single-host URL per host that node-postgres parses as before.
 */

/** Which server a connection must end up on, as libpq's `target_session_attrs` says it. */
export type TargetSessionAttrs = 'any' | 'read-write' | 'read-only' | 'primary' | 'standby' | 'prefer-standby';

const TARGETS: readonly TargetSessionAttrs[] = [
  'any',
  'read-write',
  'read-only',
  'primary',
  'standby',
  'prefer-standby',
];

export interface HostAddress {
  host: string;
  /** Absent: node-postgres's default (PGPORT or 5432), as libpq does. */
  port?: number;
}

export interface MultiHostUrl {
  hosts: readonly HostAddress[];
  target: TargetSessionAttrs;
  /** The connection string for one of `hosts`, without the host list and without `target_session_attrs`. */
  urlFor(host: HostAddress): string;
}

/** scheme, optional user info (up to the last `@` before the path), the host list, then path and query. */
const SHAPE = /^(postgres(?:ql)?:\/\/)((?:[^/?#]*@)?)([^/?#@]*)(\/[^?#]*)?(\?[^#]*)?(#.*)?$/;

/** Thrown for a connection string that lists hosts wrongly or asks for an unknown target. */
export class ConnectionStringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectionStringError';
  }
}

function parseHost(entry: string): HostAddress {
  // [v6 address] with an optional port, or name/v4 address with an optional port.
  const match = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(entry);
  if (!match?.[1]) throw new ConnectionStringError(`invalid host "${entry}" in the connection string's host list`);
  const port = match[2] === undefined ? undefined : Number(match[2]);
  if (port !== undefined && (port < 1 || port > 65535)) {
    throw new ConnectionStringError(`invalid port in "${entry}" in the connection string's host list`);
  }
  return { host: match[1], ...(port !== undefined ? { port } : {}) };
}

/**
 * The hosts and target of a connection string; undefined when it is an ordinary one (one host, no
 * `target_session_attrs`, or not a URL at all), which node-postgres handles as it always has.
 */
export function parseMultiHostUrl(connectionString: string): MultiHostUrl | undefined {
  const parts = SHAPE.exec(connectionString);
  if (!parts) return undefined;
  const [, scheme = '', userInfo = '', hostList = '', path = '', query = '', fragment = ''] = parts;
  const params = new URLSearchParams(query.slice(1));
  const asked = params.get('target_session_attrs');
  if (!hostList.includes(',') && asked === null) return undefined;
  const target = (asked ?? 'any') as TargetSessionAttrs;
  if (!TARGETS.includes(target)) {
    throw new ConnectionStringError(`target_session_attrs must be one of ${TARGETS.join(', ')} (got "${asked}")`);
  }
  const hosts = hostList.split(',').map(parseHost);
  // node-postgres would send an unknown parameter to the server as a setting, which it refuses.
  params.delete('target_session_attrs');
  const remaining = params.toString();
  const rest = `${path}${remaining ? `?${remaining}` : ''}${fragment}`;
  return {
    hosts,
    target,
    urlFor: (h) => `${scheme}${userInfo}${h.host}${h.port !== undefined ? `:${h.port}` : ''}${rest}`,
  };
}

/** What a server said about itself on a fresh connection. */
export interface SessionState {
  inRecovery: boolean;
  readOnly: boolean;
}

/** Whether a session on a server in `state` is what `target` asks for (prefer-standby: a standby). */
export function sessionMatches(target: TargetSessionAttrs, state: SessionState): boolean {
  switch (target) {
    case 'any':
      return true;
    case 'read-write':
      return !state.readOnly;
    case 'read-only':
      return state.readOnly;
    case 'primary':
      return !state.inRecovery;
    case 'standby':
    case 'prefer-standby':
      return state.inRecovery;
  }
}

/** For messages and logs: a host as it is written in the connection string. */
export const hostLabel = (h: HostAddress): string => `${h.host}${h.port !== undefined ? `:${h.port}` : ''}`;
