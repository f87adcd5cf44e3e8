import type { EventStore, RecordedEvent } from '@benvung/event-store';

export interface ReplayOptions {
  store: EventStore;
  /** Position to replay after (undefined: from the start of the log). */
  after: string | undefined;
  eventTypes: readonly string[];
  pageSize: number;
  apply(events: readonly RecordedEvent[]): Promise<void>;
  /** After each page, with the number of events it held. */
  onPage?(count: number): void;
  signal?: AbortSignal;
}

/**
 * Applies the log after a position, page by page, to its end; returns the position reached. The next
 * page is read while this one is applied: the server reads and decodes the log on one core while this
 * process folds on the other.
 */
export async function replayLog(o: ReplayOptions): Promise<string | undefined> {
  const read = (after: string | undefined) => {
    const next = o.store.readAll({
      ...(after !== undefined ? { after } : {}),
      maxCount: o.pageSize,
      eventTypes: o.eventTypes,
    });
    // Handled now, awaited on the next turn: a failure while a page applies is not "unhandled".
    next.catch(() => undefined);
    return next;
  };
  let position = o.after;
  let reading = read(position);
  for (;;) {
    if (o.signal?.aborted) throw new Error('rebuild aborted');
    const page = await reading;
    if (!page.endOfLog) reading = read(page.position);
    if (page.events.length > 0) await o.apply(page.events);
    position = page.position;
    o.onPage?.(page.events.length);
    if (page.endOfLog) return position;
  }
}
