import { RuleDocument, SHIPPED_RULE_DOCUMENTS } from '@benvung/domain';
import { ConcurrencyError, migrateEventStore, PostgresEventStore } from '@benvung/event-store';
import { createTestDatabase, type TestDatabase } from '@benvung/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendRuleVersion, loadRuleBook, RULES_STREAM, RuleBookCache, readRuleVersions } from '../src/index.js';

let database: TestDatabase;
let store: PostgresEventStore;
beforeAll(async () => {
  database = await createTestDatabase('rules');
  store = new PostgresEventStore({ connectionString: database.url, maxPoolSize: 4 });
  await migrateEventStore(store.pool);
});
afterAll(async () => {
  await store?.close();
  await database?.drop();
});

const studentRate = (effectiveFrom: string, rate: number) =>
  RuleDocument.parse({
    id: `student-rate-${effectiveFrom}`,
    title: 'student loan rate',
    effectiveFrom,
    reason: 'test',
    loanRates: [{ programme: 'student', annualRatePercent: rate, basis: 'test' }],
  });

describe('the rules stream', () => {
  it('records the shipped documents once, however many processes start at the same time', async () => {
    const books = await Promise.all([loadRuleBook(store), loadRuleBook(store), loadRuleBook(store)]);
    expect(books.map((b) => b.latestVersion)).toEqual([4, 4, 4]);
    expect(await store.streamVersion(RULES_STREAM)).toBe(SHIPPED_RULE_DOCUMENTS.length);
    expect((await loadRuleBook(store)).latestVersion).toBe(4);
    const versions = await readRuleVersions(store);
    expect(versions.map((v) => [v.version, v.document.id, v.recordedBy])).toEqual([
      [1, 'vn-poverty-standards', 'system'],
      [2, 'vn-list-year-rules', 'system'],
      [3, 'vbsp-loans', 'system'],
      [4, 'national-target-programmes', 'system'],
    ]);
  });

  it('refuses a version decided against rules that moved on meanwhile', async () => {
    const book = await loadRuleBook(store);
    await appendRuleVersion(store, book, studentRate('2030-01-01', 6), { id: 'admin-a', role: 'admin' });
    await expect(
      appendRuleVersion(store, book, studentRate('2030-06-01', 7), { id: 'admin-b', role: 'admin' }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
  });

  it('lets a cache see a version another process loaded once its age is up, and not before', async () => {
    let now = 0;
    const cache = await RuleBookCache.open(store, { maxAgeMs: 1_000, now: () => now });
    const before = cache.book.latestVersion;
    await appendRuleVersion(store, await loadRuleBook(store), studentRate('2031-01-01', 5), {
      id: 'cli',
      role: 'admin',
    });
    now = 999;
    expect((await cache.current()).latestVersion).toBe(before);
    now = 1_000;
    const book = await cache.current();
    expect(book.latestVersion).toBe(before + 1);
    expect(book.on('2031-02-01').loanRates.find((r) => r.programme === 'student')?.annualRatePercent).toBe(5);
  });
});
