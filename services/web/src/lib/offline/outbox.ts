import { createStore, del, get, set, values } from 'idb-keyval';
import { csrfToken } from '../api-client';
import { currentLanguage } from '../i18n';
import { notePosition } from '../write-position';

/**
 * Entries typed while the connection may drop (reviews, support actions, notes, members): each is kept
 * in IndexedDB with its Idempotency-Key and If-Match before it is sent, so closing the tab loses
 * nothing, and a resend after a lost answer cannot record it twice (the server answers the first
 * result again for the same key).
 */
export interface OutboxEntry {
  /** Also the Idempotency-Key. */
  id: string;
  householdId: string;
  /**
   * The review round the entry belongs to (a survey proposed in a round): its screens list it too, and
   * refresh when it is sent.
   */
  roundId?: string;
  /** What the user recorded, for the pending list (e.g. "review", "note"). */
  kind: string;
  method: 'POST' | 'PATCH';
  path: string;
  body: unknown;
  /** The household version the user decided on (If-Match), when the form had one. */
  ifMatch?: number;
  createdAt: string;
  status: 'pending' | 'conflict' | 'refused';
  /** The server's answer when it refused or found a conflict. */
  problem?: { status: number; code?: string; detail?: string; currentVersion?: number };
}

const store = createStore('benvung-outbox', 'entries');
const listeners = new Set<() => void>();
let snapshot: OutboxEntry[] = [];
// Sends run one after another, each reading what waits when it starts: an entry added during a run
// is sent by the next one, never skipped.
let queue: Promise<void> = Promise.resolve();

async function refresh(): Promise<void> {
  snapshot = (await values<OutboxEntry>(store)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const l of listeners) l();
}

export const outbox = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  entries(): OutboxEntry[] {
    return snapshot;
  },
  async load(): Promise<void> {
    await refresh();
  },
  /** Keeps the entry, then tries to send everything waiting (a no-op offline). */
  async add(entry: Omit<OutboxEntry, 'createdAt' | 'status'>): Promise<void> {
    await set(entry.id, { ...entry, createdAt: new Date().toISOString(), status: 'pending' }, store);
    await refresh();
    void outbox.flush();
  },
  /**
   * Keeps the entry and sends it now when the connection allows: `sent`, `kept` (offline or the server
   * unreachable: it waits on this device), `conflict` (kept, for the user to decide), or `refused` with
   * the server's problem (dropped from the outbox: the form shows why, the user corrects it).
   */
  async submit(
    entry: Omit<OutboxEntry, 'createdAt' | 'status'>,
  ): Promise<{ outcome: 'sent' | 'kept' | 'conflict' } | { outcome: 'refused'; problem: OutboxEntry['problem'] }> {
    await set(entry.id, { ...entry, createdAt: new Date().toISOString(), status: 'pending' }, store);
    await refresh();
    await outbox.flush();
    const after = await get<OutboxEntry>(entry.id, store);
    if (!after) return { outcome: 'sent' };
    if (after.status === 'refused') {
      await del(entry.id, store);
      await refresh();
      return { outcome: 'refused', problem: after.problem };
    }
    return { outcome: after.status === 'conflict' ? 'conflict' : 'kept' };
  },
  async discard(id: string): Promise<void> {
    await del(id, store);
    await refresh();
  },
  /** Sends a conflicting entry again against the version the user has now seen. */
  async retry(id: string, ifMatch?: number): Promise<void> {
    const entry = await get<OutboxEntry>(id, store);
    if (!entry) return;
    const { problem: _problem, ...rest } = entry;
    await set(id, { ...rest, status: 'pending', ...(ifMatch !== undefined ? { ifMatch } : {}) }, store);
    await refresh();
    await outbox.flush();
  },
  /** Sends the waiting entries in the order they were made; one run at a time. */
  flush(): Promise<void> {
    queue = queue.then(send, send);
    return queue;
  },
};

/** What the server said, kept with the entry; undefined when the entry went through. */
type Outcome =
  | { sent: true }
  | { sent: false; stop: boolean; status?: OutboxEntry['status']; problem?: OutboxEntry['problem'] };

async function sendOne(entry: OutboxEntry): Promise<Outcome> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'idempotency-key': entry.id,
    'accept-language': currentLanguage(),
  };
  if (entry.ifMatch !== undefined) headers['if-match'] = `"${entry.ifMatch}"`;
  const csrf = csrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(entry.path, {
      method: entry.method,
      headers,
      body: JSON.stringify(entry.body),
      credentials: 'same-origin',
    });
  } catch {
    return { sent: false, stop: true };
  }
  if (response.ok) {
    notePosition(await response.json().catch(() => undefined));
    return { sent: true };
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const problem = {
    status: response.status,
    ...(typeof body.code === 'string' ? { code: body.code } : {}),
    ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
    ...(typeof body.currentVersion === 'number' ? { currentVersion: body.currentVersion } : {}),
  };
  // Signed out, throttled or the server is down: keep everything and try again later.
  if (response.status === 401 || response.status === 429 || response.status >= 500) return { sent: false, stop: true };
  if (response.status === 412 || response.status === 409)
    return { sent: false, stop: false, status: 'conflict', problem };
  return { sent: false, stop: false, status: 'refused', problem };
}

async function send(): Promise<void> {
  if (typeof navigator !== 'undefined' && !navigator.onLine) return;
  const waiting = (await values<OutboxEntry>(store))
    .filter((e) => e.status === 'pending')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const entry of waiting) {
    const outcome = await sendOne(entry);
    if (outcome.sent) await del(entry.id, store);
    else if (outcome.status) await set(entry.id, { ...entry, status: outcome.status, problem: outcome.problem }, store);
    await refresh();
    if (!outcome.sent && outcome.stop) break;
    if (outcome.sent) for (const l of sentListeners) l(entry);
  }
}

/** Told when an entry reaches the server, so the screens showing its household can refresh. */
const sentListeners = new Set<(entry: OutboxEntry) => void>();
export function onSent(listener: (entry: OutboxEntry) => void): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => void outbox.flush());
}
