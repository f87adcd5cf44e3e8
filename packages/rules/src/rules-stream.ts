import { createHash } from 'node:crypto';
import { loadInto, RuleBook, RuleDocument, type RuleVersion, SHIPPED_RULE_DOCUMENTS } from '@benvung/domain';
import { ConcurrencyError, type EventStore, StreamNotFoundError } from '@benvung/event-store';

/** The stream holding every rule version, in load order: version n is its n-th event. */
export const RULES_STREAM = 'rules-national';
/** The event type of a loaded rule document. */
export const RULE_VERSION_ADDED = 'RuleVersionAdded';

/** Who loads a version (an administrator, or the system shipping a release's files). */
export interface RuleActor {
  id: string;
  role: string;
}

const SYSTEM: RuleActor = { id: 'system', role: 'system' };

/** A document's content hash: a release's file is recorded again only when its content changed. */
export const documentDigest = (d: RuleDocument): string => createHash('sha256').update(JSON.stringify(d)).digest('hex');

/** Every rule version recorded in the store, oldest first (none when the stream does not exist). */
export async function readRuleVersions(store: EventStore): Promise<RuleVersion[]> {
  let events: Awaited<ReturnType<EventStore['readStream']>>;
  try {
    events = await store.readStream(RULES_STREAM);
  } catch (err) {
    if (err instanceof StreamNotFoundError) return [];
    throw err;
  }
  return events
    .filter((e) => e.type === RULE_VERSION_ADDED)
    .map((e) => ({
      version: e.version,
      document: RuleDocument.parse(e.data.document),
      recordedBy: e.metadata.actorId,
      recordedAt: e.recordedAt.toISOString(),
    }));
}

/**
 * Appends documents as the next versions after `book`'s, in one append, once `loadInto` has found the
 * rules they make consistent. The append expects the stream at the book's version: a version someone
 * else loaded meanwhile makes it fail with ConcurrencyError rather than be validated against rules it
 * never saw. Answers the new book and the version of the last document.
 */
export async function appendRuleVersions(
  store: EventStore,
  book: RuleBook,
  documents: readonly RuleDocument[],
  actor: RuleActor,
): Promise<{ book: RuleBook; version: number }> {
  loadInto(book, ...documents);
  const expected = book.latestVersion;
  await store.appendToStream(
    RULES_STREAM,
    documents.map((document) => ({
      type: RULE_VERSION_ADDED,
      data: { document, digest: documentDigest(document) },
      metadata: { actorId: actor.id, actorRole: actor.role, reason: document.reason },
      occurredAt: new Date(`${document.effectiveFrom}T00:00:00Z`),
    })),
    { expectedVersion: expected === 0 ? 'no_stream' : expected },
  );
  // Read back: the versions as stored, with who recorded them and when.
  return { book: new RuleBook(await readRuleVersions(store)), version: expected + documents.length };
}

/** Appends one document as the next version (see appendRuleVersions). */
export const appendRuleVersion = (store: EventStore, book: RuleBook, document: RuleDocument, actor: RuleActor) =>
  appendRuleVersions(store, book, [document], actor);

/**
 * The rule book of the store, after recording any shipped document it does not hold yet (a new
 * release's files, or a first start). Safe to run from several processes at once: a lost race reads
 * the stream again.
 */
export async function loadRuleBook(
  store: EventStore,
  shipped: readonly RuleDocument[] = SHIPPED_RULE_DOCUMENTS,
): Promise<RuleBook> {
  for (let attempt = 0; ; attempt++) {
    const book = new RuleBook(await readRuleVersions(store));
    const held = new Set(book.versions.map((v) => documentDigest(v.document)));
    const missing = shipped.filter((d) => !held.has(documentDigest(d)));
    try {
      if (missing.length === 0) return book;
      // Together: a release's files are only consistent as a whole (standards need list-year rules).
      await appendRuleVersions(store, book, missing, SYSTEM);
      return new RuleBook(await readRuleVersions(store));
    } catch (err) {
      if (!(err instanceof ConcurrencyError) || attempt >= 5) throw err;
    }
  }
}
