import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './api/schema';
import { currentLanguage } from './i18n';
import { ApiProblem, type Problem } from './problem';
import { lastPosition, notePosition, readsHouseholds } from './write-position';

/** The cookie the gateway sets beside the session; its value goes back in a header on every write. */
const CSRF_COOKIE = 'benvung_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function csrfToken(): string | undefined {
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return match ? decodeURIComponent(match.slice(CSRF_COOKIE.length + 1)) : undefined;
}

/** Listeners told when the session is gone (401), so the app can show the sign-in screen. */
const signedOutListeners = new Set<() => void>();
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

const session: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept-language', currentLanguage());
    if (UNSAFE.has(request.method)) {
      const token = csrfToken();
      if (token) request.headers.set('x-csrf-token', token);
    }
    const position = lastPosition();
    if (position && readsHouseholds(request.method, new URL(request.url).pathname)) {
      request.headers.set('x-wait-for-position', position);
    }
    return request;
  },
  async onResponse({ response, request }) {
    if (UNSAFE.has(request.method) && response.ok && response.headers.get('content-type')?.includes('json')) {
      notePosition(
        await response
          .clone()
          .json()
          .catch(() => undefined),
      );
    }
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/v1/auth/sign-in')) {
      for (const listener of signedOutListeners) listener();
    }
    return response;
  },
};

/** The typed API client: paths, bodies and answers come from the gateway's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(session);

/**
 * The data of an answer, or an ApiProblem built from its problem+json body. Network failures (offline)
 * stay TypeErrors, which the offline outbox tells apart.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  throw new ApiProblem(result.response.status, (result.error ?? {}) as Partial<Problem>, result.response.headers);
}
