import {
  type AllStreamResolvedEvent,
  eventTypeFilter,
  excludeSystemEvents,
  type Position,
  START,
} from '@eventstore/db-client';
import { StoreClosedError } from '../errors.js';
import type { RecordedEvent, SubscribeOptions, SubscriptionBatch } from '../port.js';
import type { EsdbClient } from './client.js';
import { compareEsdbPositions, decodeEsdbPosition, type EsdbPosition, encodeEsdbPosition } from './position.js';

/** Without any message for this long after confirmation, a subscription counts as caught up. */
const IDLE_CAUGHT_UP_MS = 500;

type Item =
  | { kind: 'event'; event: RecordedEvent; position: EsdbPosition }
  | { kind: 'position'; position: EsdbPosition }
  | { kind: 'caughtUp' | 'fellBehind' | 'confirmed' | 'end' | 'abort' }
  | { kind: 'error'; error: unknown };

export interface SubscriptionContext {
  client: EsdbClient;
  /** Ours, upcast; undefined for system and foreign events (skipped, but their position counts). */
  toRecorded(resolved: AllStreamResolvedEvent): RecordedEvent | undefined;
  /** Position of the last event in $all when the subscription starts (undefined: empty). */
  head(): Promise<EsdbPosition | undefined>;
  isClosed(): boolean;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A `subscribeToAll` catch-up subscription, server-side filtered by event type, turned into batches.
 * The batch position moves past filtered-out events too (the filter's checkpoints, which may lag the
 * last event delivered: the position only ever moves forward). Caught up: the server says so
 * (EventStoreDB 23.10+), or the start-time head has been passed, or nothing arrived for a while.
 */
export async function* subscriptionBatches(
  ctx: SubscriptionContext,
  options: SubscribeOptions,
): AsyncGenerator<SubscriptionBatch> {
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const queue: Item[] = [];
  let queuedEvents = 0;
  let wake: (() => void) | undefined;
  const push = (item: Item) => {
    queue.push(item);
    if (item.kind === 'event') queuedEvents++;
    wake?.();
  };
  const checkpointReached = (_: unknown, position: Position) => push({ kind: 'position', position });
  const types = options.eventTypes?.length ? options.eventTypes : undefined;
  const filter = types
    ? eventTypeFilter({ regex: `^(?:${types.map(escapeRegex).join('|')})$`, checkpointInterval: 1, checkpointReached })
    : excludeSystemEvents({ checkpointInterval: 1, checkpointReached });
  const headAtStart = await ctx.head();
  const start = options.after ? decodeEsdbPosition(options.after) : undefined;
  const subscription = ctx.client.subscribeToAll({ fromPosition: start ?? START, filter });
  subscription.on('data', (resolved: AllStreamResolvedEvent) => {
    const position = resolved.event?.position;
    // Documented to start after `fromPosition`; checked anyway, so the checkpoint event never repeats.
    if (!position || (start && compareEsdbPositions(position, start) <= 0)) return;
    const event = ctx.toRecorded(resolved);
    push(event ? { kind: 'event', event, position } : { kind: 'position', position });
    if (queuedEvents > batchSize * 4) subscription.pause();
  });
  subscription.on('confirmation', () => push({ kind: 'confirmed' }));
  subscription.on('caughtUp', () => push({ kind: 'caughtUp' }));
  subscription.on('fellBehind', () => push({ kind: 'fellBehind' }));
  subscription.on('error', (error: unknown) => push({ kind: 'error', error }));
  subscription.on('end', () => push({ kind: 'end' }));
  const onAbort = () => push({ kind: 'abort' });
  options.signal?.addEventListener('abort', onAbort, { once: true });

  let position = start;
  let caughtUp = false;
  let confirmed = false;
  let announced = false;
  const passHead = (p: EsdbPosition) => {
    if (headAtStart && compareEsdbPositions(p, headAtStart) >= 0) caughtUp = true;
  };
  try {
    if (options.signal?.aborted) return;
    for (;;) {
      if (queue.length === 0) {
        const idle = await new Promise<boolean>((resolve) => {
          const timer = caughtUp || !confirmed ? undefined : setTimeout(() => resolve(true), IDLE_CAUGHT_UP_MS);
          wake = () => {
            if (timer) clearTimeout(timer);
            resolve(false);
          };
        });
        wake = undefined;
        if (idle) caughtUp = true;
      }
      const before = position;
      const events: RecordedEvent[] = [];
      while (queue.length > 0 && events.length < batchSize) {
        const item = queue.shift() as Item;
        switch (item.kind) {
          case 'event':
            queuedEvents--;
            events.push(item.event);
            if (!position || compareEsdbPositions(item.position, position) > 0) position = item.position;
            passHead(item.position);
            break;
          case 'position':
            if (!position || compareEsdbPositions(item.position, position) > 0) position = item.position;
            passHead(item.position);
            break;
          case 'confirmed':
            confirmed = true;
            if (!headAtStart) caughtUp = true;
            break;
          case 'caughtUp':
            caughtUp = true;
            break;
          case 'fellBehind':
            caughtUp = false;
            break;
          case 'abort':
            return;
          case 'end':
            if (ctx.isClosed()) throw new StoreClosedError();
            throw new Error('EventStoreDB ended the subscription; resubscribe from the last checkpoint');
          case 'error':
            if (ctx.isClosed()) throw new StoreClosedError();
            throw item.error;
        }
      }
      if (subscription.isPaused() && queuedEvents < batchSize) subscription.resume();
      if (events.length > 0 || position !== before || (caughtUp && !announced)) {
        announced ||= caughtUp;
        yield { events, position: position ? encodeEsdbPosition(position) : undefined, caughtUp };
      }
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await subscription.unsubscribe().catch(() => {});
  }
}
