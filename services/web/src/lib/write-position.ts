/**
 * Read-your-writes for the screens: every command answers with the log position of its events, and
 * reads of households send the last one back (`X-Wait-For-Position`), so a list or a household page
 * shown after a save already includes it, even while the read model is a moment behind. Kept for the
 * page's life only: a position outlives neither a reload nor another database.
 */
let last: string | undefined;

/** Remembers the position a command answered with (the latest write is the one to wait for). */
export function notePosition(body: unknown): void {
  const position = (body as { position?: unknown } | null)?.position;
  if (typeof position === 'string' && position.length > 0 && position.length <= 64) last = position;
}

export function lastPosition(): string | undefined {
  return last;
}

/** The reads whose answers come from the household read model. */
export function readsHouseholds(method: string, pathname: string): boolean {
  return method === 'GET' && (pathname === '/v1/households' || pathname.startsWith('/v1/households/'));
}
