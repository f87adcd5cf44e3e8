import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';

/** Errors Node's HTTP server raises before a request reaches Fastify (parser errors, timeouts). */
type ClientError = Error & { code?: string };

const TYPE_BASE = 'https://benvung.example/problems/';

/** The problem each kind of client error is answered with: time-outs, oversized headers, the rest. */
function problemOf(err: ClientError): { status: number; reason: string; code: string; title: string; detail: string } {
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return {
      status: 408,
      reason: 'Request Timeout',
      code: 'REQUEST_TIMEOUT',
      title: 'Request timeout',
      detail: 'the request (headers and body) was not received in time; the connection is closed',
    };
  }
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      reason: 'Request Header Fields Too Large',
      code: 'HEADERS_TOO_LARGE',
      title: 'Request headers too large',
      detail: 'the request headers are larger than allowed',
    };
  }
  return {
    status: 400,
    reason: 'Bad Request',
    code: 'BAD_REQUEST',
    title: 'Bad request',
    detail: 'the request is not valid HTTP',
  };
}

/**
 * Fastify's `clientErrorHandler` (logging to `log`): answers what Node's HTTP parser refuses (a
 * malformed request line, oversized headers, a NUL in a header) and requests not received within the
 * time-outs with problem+json like every other error, then closes the connection. There is no request
 * to read Accept-Language from, so the texts are English; clients translate by `code`.
 */
export const clientErrorHandler =
  (log?: FastifyBaseLogger) =>
  (err: ClientError, socket: Socket): void => {
    // A reset connection has nobody to answer.
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const problem = problemOf(err);
    const requestId = randomUUID();
    // Mostly scanners and broken networks: worth a line when debugging, not in every day's log.
    log?.debug({ requestId, code: err.code, status: problem.status }, 'client error');
    // As Node does: never write into a response that has already started on this connection.
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (socket.writable && !inFlight?.headersSent) {
      const body = JSON.stringify({
        type: `${TYPE_BASE}${problem.code.toLowerCase().replaceAll('_', '-')}`,
        title: problem.title,
        status: problem.status,
        detail: problem.detail,
        code: problem.code,
        requestId,
      });
      socket.end(
        `HTTP/1.1 ${problem.status} ${problem.reason}\r\n` +
          'Content-Type: application/problem+json\r\nContent-Language: en\r\n' +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        () => socket.destroy(),
      );
      // A client that does not read its answer does not keep the connection either.
      setTimeout(() => socket.destroy(), 1000).unref();
      return;
    }
    socket.destroy(err);
  };
