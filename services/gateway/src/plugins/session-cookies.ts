import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Sessions } from '../application/sessions.js';
import type { LiveSession } from '../persistence/sessions.js';
import type { Role } from './auth.js';
import { HttpProblem } from './problem.js';

/** HttpOnly: the page's scripts never see the session token. */
export const SESSION_COOKIE = 'benvung_session';
/** Readable by the page, which echoes it in CSRF_HEADER: another site can neither read nor forge it. */
export const CSRF_COOKIE = 'benvung_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Session cookies only (no Max-Age): closing the browser on a shared office computer ends them. SameSite
 * Strict keeps them off requests another site starts; Secure whenever the request came over TLS.
 */
const cookieOptions = (request: FastifyRequest, httpOnly: boolean): CookieSerializeOptions => ({
  path: '/',
  sameSite: 'strict',
  httpOnly,
  secure: request.protocol === 'https',
});

export function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  issued: { token: string; csrfToken: string },
): void {
  reply.setCookie(SESSION_COOKIE, issued.token, cookieOptions(request, true));
  reply.setCookie(CSRF_COOKIE, issued.csrfToken, cookieOptions(request, false));
}

export function clearSessionCookies(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request, true));
  reply.clearCookie(CSRF_COOKIE, cookieOptions(request, false));
}

export const hasSessionCookie = (request: FastifyRequest): boolean => Boolean(request.cookies?.[SESSION_COOKIE]);

/**
 * Authenticates a request by its session cookie: the token must verify and name a live session; an
 * unsafe method must echo the session's CSRF token in X-CSRF-Token; until the password is changed only
 * the routes marked `whilePasswordChangeRequired` answer. A token past half its life is renewed.
 */
export async function authenticateByCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  sessions: Sessions,
): Promise<{ sub: string; role: Role; units: readonly string[]; session: LiveSession }> {
  const token = request.cookies[SESSION_COOKIE] ?? '';
  const { session, renewed } = await sessions.authenticate(token).catch((err: unknown) => {
    // A dead cookie is of no further use: the browser drops it and the app shows the sign-in page.
    clearSessionCookies(request, reply);
    throw err;
  });
  if (UNSAFE_METHODS.has(request.method)) {
    const presented = request.headers[CSRF_HEADER];
    if (!sessions.csrfValid(session.id, typeof presented === 'string' ? presented : undefined)) {
      throw new HttpProblem(
        403,
        'CSRF_INVALID',
        'Request refused',
        `send the value of the ${CSRF_COOKIE} cookie in the X-CSRF-Token header`,
      );
    }
  }
  if (session.mustChangePassword && !request.routeOptions.config.whilePasswordChangeRequired) {
    throw new HttpProblem(
      403,
      'PASSWORD_CHANGE_REQUIRED',
      'Password change required',
      'change the one-time password (POST /v1/auth/password) before anything else',
    );
  }
  if (renewed) setSessionCookies(request, reply, renewed);
  return { sub: session.userId, role: session.role, units: session.units, session };
}
