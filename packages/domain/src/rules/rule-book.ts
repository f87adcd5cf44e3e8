import { ReviewType } from '../household/values.js';
import { withinDates } from '../shared/dates.js';
import { domainError } from '../shared/error-codes.js';
import {
  type ListYearRule,
  type LoanCap,
  type LoanProgramme,
  type LoanRate,
  type PovertyStandard,
  type Programme,
  type ProgrammeComponent,
  RULE_SECTIONS,
  type RuleDocument,
} from './schemas.js';

/** A rule document as loaded: its number in load order (1, 2, …) and who loaded it, when. */
export interface RuleVersion {
  version: number;
  document: RuleDocument;
  recordedBy?: string | undefined;
  recordedAt?: string | undefined;
}

/** An item with the rule version that supplied it: events name it, so history stays explainable. */
export type Versioned<T> = T & { readonly version: number };

/** Every rule in force on one date, each item with the version it came from. */
export interface RuleSet {
  /** The versions applied, in the order they were applied. */
  readonly applied: readonly number[];
  readonly standards: readonly Versioned<PovertyStandard>[];
  readonly listYearRules: Readonly<Record<ReviewType, Versioned<ListYearRule>>>;
  readonly loanProgrammes: readonly Versioned<LoanProgramme>[];
  readonly loanRates: readonly Versioned<LoanRate>[];
  readonly loanCaps: readonly Versioned<LoanCap>[];
  readonly programmes: readonly Versioned<Programme>[];
  readonly programmeComponents: readonly Versioned<ProgrammeComponent>[];
}

type Lists = {
  [K in Exclude<keyof RuleSet, 'applied' | 'listYearRules'>]: Map<string, RuleSet[K][number]>;
} & { listYearRules: Map<string, Versioned<ListYearRule>> };

const emptyLists = (): Lists => ({
  standards: new Map(),
  listYearRules: new Map(),
  loanProgrammes: new Map(),
  loanRates: new Map(),
  loanCaps: new Map(),
  programmes: new Map(),
  programmeComponents: new Map(),
});

const stamp = <T extends object>(item: T, version: number): Versioned<T> => ({ ...item, version });

/**
 * Applies one document: each item it names replaces the item with the same key. Rates and caps are
 * tables per programme: a document naming a programme's rates replaces all of that programme's rows.
 */
function apply(lists: Lists, v: RuleVersion): void {
  const d = v.document;
  const put = <T extends object>(
    map: Map<string, Versioned<T>>,
    items: readonly T[] | undefined,
    key: (t: T) => string,
  ) => {
    for (const item of items ?? []) map.set(key(item), stamp(item, v.version));
  };
  const table = <T extends { programme: string }>(map: Map<string, Versioned<T>>, rows: readonly T[] | undefined) => {
    if (!rows) return;
    const named = new Set(rows.map((r) => r.programme));
    for (const [key, row] of map) if (named.has(row.programme)) map.delete(key);
    rows.forEach((row, i) => {
      map.set(`${row.programme}#${v.version}#${i}`, stamp(row, v.version));
    });
  };
  put(lists.standards, d.standards, (s) => s.id);
  put(lists.listYearRules, d.listYearRules, (r) => r.reviewType);
  put(lists.loanProgrammes, d.loanProgrammes, (p) => p.id);
  table(lists.loanRates, d.loanRates);
  table(lists.loanCaps, d.loanCaps);
  put(lists.programmes, d.programmes, (p) => p.code);
  put(lists.programmeComponents, d.programmeComponents, (c) => c.code);
}

const byEffectiveDate = (a: RuleVersion, b: RuleVersion) =>
  a.document.effectiveFrom < b.document.effectiveFrom
    ? -1
    : a.document.effectiveFrom > b.document.effectiveFrom
      ? 1
      : a.version - b.version;

/**
 * The rule versions as a timeline. The rules in force on a date are the shipped and loaded documents
 * that took effect by then, applied in order of effective date (then of loading): a later document
 * replaces what it names, so a version never changes the rules of dates before its own. Pure: the
 * versions come from the caller (the rules stream, or the shipped files).
 */
export class RuleBook {
  readonly versions: readonly RuleVersion[];
  readonly #ordered: readonly RuleVersion[];
  /** Rule sets by the number of versions (in effective order) that apply. */
  readonly #sets = new Map<number, RuleSet>();

  constructor(versions: readonly RuleVersion[]) {
    this.versions = [...versions].sort((a, b) => a.version - b.version);
    this.#ordered = [...versions].sort(byEffectiveDate);
  }

  /** The last version loaded (0 when none). */
  get latestVersion(): number {
    return this.versions[this.versions.length - 1]?.version ?? 0;
  }

  /** The first date any rule is in force. */
  get firstEffectiveDate(): string | undefined {
    return this.#ordered[0]?.document.effectiveFrom;
  }

  /** The dates from which the rules change. */
  get effectiveDates(): string[] {
    return [...new Set(this.#ordered.map((v) => v.document.effectiveFrom))];
  }

  /** The rules in force on `date` (YYYY-MM-DD). Throws NO_RULES_IN_FORCE before the first version. */
  on(date: string): RuleSet {
    let count = 0;
    while (count < this.#ordered.length && (this.#ordered[count]?.document.effectiveFrom ?? '') <= date) count++;
    if (count === 0) {
      throw domainError('NO_RULES_IN_FORCE', `no rules are in force on ${date}`, {
        date,
        firstEffectiveDate: this.firstEffectiveDate ?? null,
      });
    }
    let set = this.#sets.get(count);
    if (!set) {
      set = this.#resolve(count);
      this.#sets.set(count, set);
    }
    return set;
  }

  #resolve(count: number): RuleSet {
    const lists = emptyLists();
    const applied = this.#ordered.slice(0, count);
    for (const v of applied) apply(lists, v);
    return {
      applied: applied.map((v) => v.version),
      standards: [...lists.standards.values()],
      listYearRules: Object.fromEntries(lists.listYearRules) as RuleSet['listYearRules'],
      loanProgrammes: [...lists.loanProgrammes.values()],
      loanRates: [...lists.loanRates.values()],
      loanCaps: [...lists.loanCaps.values()],
      programmes: [...lists.programmes.values()],
      programmeComponents: [...lists.programmeComponents.values()],
    };
  }

  /** This book with more documents loaded after its versions (for a dry run, or a test). */
  with(...documents: RuleDocument[]): RuleBook {
    let next = this.latestVersion;
    return new RuleBook([...this.versions, ...documents.map((document) => ({ version: ++next, document }))]);
  }
}

/** The sections a document carries. */
export const sectionsOf = (d: RuleDocument) => RULE_SECTIONS.filter((s) => d[s] !== undefined);

/** The row of a dated per-programme table (rates, caps) in force on a date, if it has one. */
export function programmeRowOn<
  Row extends { programme: string; validFrom?: string | undefined; validTo?: string | undefined },
>(rows: readonly Row[], programme: string, date: string): Row | undefined {
  return rows.find((r) => r.programme === programme && withinDates(date, r.validFrom, r.validTo));
}

/** The review types every rule set must have a list-year rule for. */
export const REVIEW_TYPES = ReviewType.options;
