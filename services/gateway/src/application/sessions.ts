import { randomUUID } from 'node:crypto';
import {
  findLiveSession,
  insertSession,
  type LiveSession,
  pruneSessions,
  revokeSession,
  revokeUserSessions,
  touchSession,
} from '../persistence/sessions.js';
import type { GatewayDb, UserAccountRow } from '../persistence/tables.js';
import { HttpProblem } from '../plugins/problem.js';
import { SessionCache } from './session-cache.js';
import { dueForRenewal, SESSION_LIFETIME_SECONDS, type SessionClaims, SessionTokens } from './session-token.js';
import type { TokenPolicy } from './token-policy.js';

/** Ended sessions stay this long (who was signed in when), then go at the user's next sign-in. */
const KEEP_ENDED_SESSIONS_DAYS = 90;

/** A started or renewed session and what goes into its cookies. */
export interface IssuedSession {
  session: LiveSession;
  token: string;
  csrfToken: string;
}

/**
 * Sessions of the web app: a row per sign-in (revocable, with an absolute end) and short-lived signed
 * tokens in a cookie that name it.
 */
export class Sessions {
  readonly #db: GatewayDb;
  readonly #tokens: SessionTokens;
  readonly #cache: SessionCache;

  constructor(db: GatewayDb, secret: Uint8Array, tokenPolicy?: TokenPolicy, cacheTtlMs?: number) {
    this.#db = db;
    this.#tokens = new SessionTokens(secret, tokenPolicy);
    this.#cache = new SessionCache((id) => findLiveSession(db, id), cacheTtlMs);
  }

  async start(user: UserAccountRow): Promise<IssuedSession> {
    const id = randomUUID();
    const expiresAt = new Date(Date.now() + SESSION_LIFETIME_SECONDS * 1000);
    await insertSession(this.#db, { id, userId: user.id, expiresAt });
    await pruneSessions(this.#db, user.id, KEEP_ENDED_SESSIONS_DAYS);
    const session: LiveSession = {
      id,
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      role: user.role,
      units: Object.freeze([...user.units]),
      mustChangePassword: user.must_change_password,
      expiresAt,
    };
    return this.#issue(session);
  }

  /**
   * The live session a cookie token names, and a renewed token when the presented one has used half
   * its life. 401 when the token is bad or expired, or the session revoked, ended, or its user disabled.
   */
  async authenticate(token: string): Promise<{ session: LiveSession; renewed?: IssuedSession }> {
    const claims: SessionClaims = await this.#tokens.verify(token);
    const session = await this.#cache.get(claims.sid);
    if (!session || session.userId !== claims.sub)
      throw new HttpProblem(401, 'SESSION_REVOKED', 'Authentication required', 'the session has ended; sign in again');
    if (session.expiresAt.getTime() <= Date.now())
      throw new HttpProblem(
        401,
        'SESSION_EXPIRED',
        'Authentication required',
        'the session has expired; sign in again',
      );
    if (!dueForRenewal(claims)) return { session };
    // last_seen_at moves with renewals: once per half token life, not on every request.
    await touchSession(this.#db, session.id);
    return { session, renewed: await this.#issue(session) };
  }

  csrfToken(sid: string): string {
    return this.#tokens.csrfToken(sid);
  }

  csrfValid(sid: string, presented: string | undefined): boolean {
    return this.#tokens.csrfValid(sid, presented);
  }

  async end(sid: string): Promise<void> {
    await revokeSession(this.#db, sid);
    this.#cache.clear();
  }

  /** Ends every session of a user (but `exceptSid`). */
  async endAllOf(userId: string, exceptSid?: string): Promise<void> {
    await revokeUserSessions(this.#db, userId, exceptSid);
    this.#cache.clear();
  }

  /** The account changed (role, units, disabled, password): sessions read it again at once. */
  forgetCached(): void {
    this.#cache.clear();
  }

  async #issue(session: LiveSession): Promise<IssuedSession> {
    const token = await this.#tokens.sign(
      { sub: session.userId, role: session.role, units: session.units, sid: session.id },
      session.expiresAt,
    );
    return { session, token, csrfToken: this.#tokens.csrfToken(session.id) };
  }
}
