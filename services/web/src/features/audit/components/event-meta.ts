import type { Language } from '../../../lib/format';
import { formatDate, formatDateTime } from '../../../lib/format';

/** Who recorded an event, as its metadata says (`actorId`/`actorRole`; older events nest an `actor`). */
export function eventActor(metadata: Record<string, unknown>): { id: string; role: string } {
  const nested = (metadata.actor ?? {}) as { id?: unknown; role?: unknown };
  return {
    id: String(metadata.actorId ?? nested.id ?? ''),
    role: String(metadata.actorRole ?? nested.role ?? ''),
  };
}

/**
 * When an event occurred: a business date (recorded at midnight UTC) reads dd/mm/yyyy, an instant
 * dd/mm/yyyy hh:mm in Vietnam's time.
 */
export function formatOccurred(occurredAt: string, language: Language): string {
  return /T00:00:00(\.000)?Z$/.test(occurredAt)
    ? formatDate(occurredAt.slice(0, 10), language)
    : formatDateTime(occurredAt, language);
}

/** The first characters of a long id, enough to tell ids apart on one screen. */
export const shortId = (id: string) => (id.length > 8 ? id.slice(0, 8) : id);
