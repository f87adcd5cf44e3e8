import type { ReadModelDatabase } from '@benvung/projections';
import type { ColumnType, Generated, Insertable, Kysely, Selectable } from 'kysely';
import type { Role } from '../plugins/auth.js';

/** A command's first response, kept so a retry with the same Idempotency-Key gets it again. */
export interface IdempotencyKeyTable {
  actor_id: string;
  key: string;
  /** SHA-256 of method, path and body: the same key with another request is refused. */
  request_hash: string;
  status_code: number;
  response: ColumnType<unknown, string, string>;
  /** The response's headers worth replaying (etag, location); `{}` on rows from before they were kept. */
  response_headers: ColumnType<Record<string, string>, string | undefined, string>;
  created_at: Generated<Date>;
}

/** Who read which household's history, replay or verification, and when (auditors are audited). */
export interface AccessLogTable {
  id: Generated<string>;
  actor_id: string;
  actor_role: string;
  household_id: string;
  action: 'history' | 'state' | 'verify';
  request_id: string;
  at: Generated<Date>;
}

export type AccessLogRow = Selectable<AccessLogTable>;
export type NewAccessLog = Insertable<AccessLogTable>;

/** An import of an existing list (see the imports routes). */
export interface ListImportTable {
  id: string;
  actor_id: string;
  actor_role: string;
  file_name: string;
  unit_scope: string;
  dry_run: boolean;
  status: 'running' | 'done' | 'failed';
  rows_total: number | null;
  rows_done: Generated<number>;
  summary: ColumnType<unknown, string | null | undefined, string | null>;
  problems: ColumnType<unknown, string | null | undefined, string | null>;
  error: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
}

/** A local account of the web app (scripts use bearer tokens and have none). */
export interface UserAccountTable {
  id: string;
  /** Unique whatever its case (a unique index on lower(username)). */
  username: string;
  display_name: string;
  role: Role;
  units: ColumnType<string[], string[] | undefined, string[]>;
  /** A self-describing scrypt string (see application/password-hash.ts), never the password. */
  password_hash: string;
  must_change_password: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  disabled: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type UserAccountRow = Selectable<UserAccountTable>;
export type NewUserAccount = Insertable<UserAccountTable>;

/** A sign-in of the web app: its cookie tokens are good only while this row is live. */
export interface UserSessionTable {
  id: string;
  user_id: string;
  created_at: Generated<Date>;
  /** The absolute end of the session, however active it is. */
  expires_at: Date;
  revoked_at: Date | null;
  last_seen_at: Generated<Date>;
}

// A type alias (not an interface) so kysely's withTables accepts it.
export type GatewayTables = {
  idempotency_key: IdempotencyKeyTable;
  access_log: AccessLogTable;
  list_import: ListImportTable;
  user_account: UserAccountTable;
  user_session: UserSessionTable;
};

/** The gateway reads the read models and owns two tables of its own. */
export type GatewayDatabase = ReadModelDatabase & GatewayTables;
export type GatewayDb = Kysely<GatewayDatabase>;
