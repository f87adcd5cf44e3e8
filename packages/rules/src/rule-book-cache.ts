import type { RuleBook } from '@benvung/domain';
import type { EventStore } from '@benvung/event-store';
import { loadRuleBook, RULES_STREAM } from './rules-stream.js';

/**
 * The rule book a long-running process decides with. Another process (a second gateway, `pnpm rules
 * load`) may load a version at any time, so the book is checked against the rules stream's version at
 * most every `maxAgeMs` and read again when it moved: a command never waits on more than one cheap
 * query, and a version loaded elsewhere is in force here within `maxAgeMs`.
 */
export class RuleBookCache {
  #book: RuleBook;
  #checkedAt = 0;
  #checking: Promise<RuleBook> | undefined;

  private constructor(
    private readonly store: EventStore,
    book: RuleBook,
    private readonly maxAgeMs: number,
    private readonly now: () => number,
  ) {
    this.#book = book;
    this.#checkedAt = now();
  }

  /** Records the shipped documents the store lacks, then reads every version. */
  static async open(
    store: EventStore,
    options: { maxAgeMs?: number; now?: () => number } = {},
  ): Promise<RuleBookCache> {
    const now = options.now ?? Date.now;
    return new RuleBookCache(store, await loadRuleBook(store), options.maxAgeMs ?? 2_000, now);
  }

  /** The book as last read, without asking the store. */
  get book(): RuleBook {
    return this.#book;
  }

  /** The book, read again first if the stream has moved since the last check (at most every maxAgeMs). */
  async current(): Promise<RuleBook> {
    if (this.now() - this.#checkedAt < this.maxAgeMs) return this.#book;
    this.#checking ??= this.#refresh().finally(() => {
      this.#checking = undefined;
    });
    return this.#checking;
  }

  /** Takes a book this process has just appended to (no need to wait for the next check). */
  replace(book: RuleBook): void {
    this.#book = book;
    this.#checkedAt = this.now();
  }

  async #refresh(): Promise<RuleBook> {
    const version = await this.store.streamVersion(RULES_STREAM);
    if (version !== this.#book.latestVersion) this.#book = await loadRuleBook(this.store, []);
    this.#checkedAt = this.now();
    return this.#book;
  }
}
