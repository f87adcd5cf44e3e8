import { connect } from 'node:net';

/** What came back on a raw connection: the raw text, its parsed parts, and when the server closed. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Milliseconds from connecting until the server closed the connection. */
  closedAfterMs: number;
}

/**
 * Speaks HTTP/1.1 over a bare TCP socket, as a slow or broken client would: sends `head` at once,
 * then each of `trickle` every `everyMs` until the server answers and closes (or `giveUpMs` passes).
 */
export function rawRequest(
  baseUrl: string,
  head: string | Buffer,
  options: { trickle?: string[]; everyMs?: number; giveUpMs?: number } = {},
): Promise<RawAnswer> {
  const { port, hostname } = new URL(baseUrl);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const received: Buffer[] = [];
    const pending = [...(options.trickle ?? [])];
    let timer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${options.giveUpMs ?? 10_000} ms`));
    }, options.giveUpMs ?? 10_000);
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => {
        const next = pending.shift();
        if (next !== undefined && socket.writable) socket.write(next);
      }, options.everyMs ?? 500);
    });
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      const text = Buffer.concat(received).toString('utf8');
      const [headText = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = headText.split('\r\n');
      const headers = Object.fromEntries(
        headerLines.map((line) => {
          const i = line.indexOf(':');
          return [line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim()];
        }),
      );
      resolve({
        status: Number(statusLine.split(' ')[1] ?? 0),
        headers,
        body: rest.join('\r\n\r\n'),
        closedAfterMs: Date.now() - started,
      });
    });
  });
}
