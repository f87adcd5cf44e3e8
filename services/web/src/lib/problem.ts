/** An RFC 9457 problem as the gateway sends it, with its stable `code`. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId?: string;
  [extension: string]: unknown;
}

/** A refused request: the status, the problem body and the answer's headers (ETag, Retry-After). */
export class ApiProblem extends Error {
  readonly code: string;
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem>,
    readonly headers?: Headers,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.code = problem.code ?? `HTTP_${status}`;
  }
}

/** True when the request never reached the server (offline, DNS, connection refused). */
export function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof DOMException && error.name === 'AbortError');
}

/**
 * The message to show for an error: the server's detail (already in the user's language, asked by
 * Accept-Language), else its title, else a generic sentence.
 */
export function problemMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiProblem) return error.problem.detail || error.problem.title || fallback;
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}
