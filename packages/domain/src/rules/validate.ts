import { domainError } from '../shared/error-codes.js';
import { REVIEW_TYPES, type RuleBook, type RuleSet } from './rule-book.js';
import type { RuleDocument } from './schemas.js';

/** One thing wrong with a rule set: where, and what. */
export interface RuleProblem {
  path: string;
  message: string;
}

type DateRange = { validFrom?: string | undefined; validTo?: string | undefined };

const overlaps = (a: DateRange, b: DateRange) =>
  (a.validFrom ?? '0000-01-01') <= (b.validTo ?? '9999-12-31') &&
  (b.validFrom ?? '0000-01-01') <= (a.validTo ?? '9999-12-31');

function datedTable(
  name: string,
  rows: readonly (DateRange & { programme: string })[],
  problems: RuleProblem[],
  programmes: Set<string>,
) {
  rows.forEach((row, i) => {
    const path = `${name}[${row.programme}]`;
    if (!programmes.has(row.programme)) problems.push({ path, message: `unknown loan programme ${row.programme}` });
    if (row.validFrom && row.validTo && row.validFrom > row.validTo) {
      problems.push({ path, message: `validFrom ${row.validFrom} is after validTo ${row.validTo}` });
    }
    rows.slice(i + 1).forEach((other) => {
      if (other.programme === row.programme && overlaps(row, other)) {
        problems.push({ path, message: `two rows of ${row.programme} are in force on the same dates` });
      }
    });
  });
}

function checkStandards(set: RuleSet, problems: RuleProblem[]): void {
  set.standards.forEach((s, i) => {
    const path = `standards[${s.id}]`;
    if (s.listYears.from > s.listYears.to) problems.push({ path, message: 'listYears.from is after listYears.to' });
    for (const other of set.standards.slice(i + 1)) {
      if (s.listYears.from <= other.listYears.to && other.listYears.from <= s.listYears.to) {
        problems.push({ path, message: `decides the same list years as ${other.id}` });
      }
    }
    const codes = s.indicators.map((x) => x.code);
    const repeated = codes.filter((c, j) => codes.indexOf(c) !== j);
    if (repeated.length > 0) problems.push({ path, message: `indicator codes listed twice: ${repeated.join(', ')}` });
    for (const area of ['rural', 'urban'] as const) {
      const band = s.averageLivingBand[area];
      if (band.above >= band.upTo) problems.push({ path, message: `the ${area} average-living band is empty` });
      if (s.rule.kind === 'two_lines' && s.rule.upperLine[area] <= s.incomeLine[area]) {
        problems.push({ path, message: `the ${area} upper line is not above the income line` });
      }
      if (s.rule.poorMinDeprivations > s.indicators.length) {
        problems.push({ path, message: 'poor needs more deprivations than the standard has indicators' });
      }
    }
  });
}

function checkListYearRules(set: RuleSet, problems: RuleProblem[]): void {
  for (const type of REVIEW_TYPES) {
    const rule = set.listYearRules[type];
    const path = `listYearRules[${type}]`;
    if (!rule) {
      problems.push({ path, message: `no list-year rule for ${type} reviews` });
      continue;
    }
    for (const w of rule.defaults) {
      if (w.from > w.to) problems.push({ path, message: `window ${w.from}–${w.to} ends before it starts` });
      if (!rule.allowedOffsets.includes(w.offset)) {
        problems.push({ path, message: `default offset ${w.offset} is not among the allowed offsets` });
      }
    }
  }
}

function checkProgrammes(set: RuleSet, problems: RuleProblem[]): void {
  const programmes = new Map(set.programmes.map((p) => [p.code, p]));
  for (const p of set.programmes) {
    if (p.validTo && p.validFrom > p.validTo) {
      problems.push({ path: `programmes[${p.code}]`, message: 'validFrom is after validTo' });
    }
  }
  for (const c of set.programmeComponents) {
    const path = `programmeComponents[${c.code}]`;
    const p = programmes.get(c.programme);
    if (!p) {
      problems.push({ path, message: `unknown programme ${c.programme}` });
      continue;
    }
    if ((c.validFrom && c.validFrom < p.validFrom) || (c.validTo && p.validTo && c.validTo > p.validTo)) {
      problems.push({
        path,
        message: `its dates reach outside programme ${p.code} (${p.validFrom} – ${p.validTo ?? 'open'})`,
      });
    }
  }
}

/** Everything wrong with a rule set as a whole; empty when it is consistent. */
export function validateRuleSet(set: RuleSet): RuleProblem[] {
  const problems: RuleProblem[] = [];
  checkStandards(set, problems);
  checkListYearRules(set, problems);
  const loanProgrammes = new Set(set.loanProgrammes.map((p) => p.id));
  datedTable('loanRates', set.loanRates, problems, loanProgrammes);
  datedTable('loanCaps', set.loanCaps, problems, loanProgrammes);
  checkProgrammes(set, problems);
  return problems;
}

/**
 * The book with `documents` loaded after its versions (in that order), once every rule set they touch
 * is consistent: the set in force on the earliest of their effective dates and on every later date a
 * version takes effect. Throws RULES_INVALID with every problem found (and the date it was found on).
 */
export function loadInto(book: RuleBook, ...documents: RuleDocument[]): RuleBook {
  const next = book.with(...documents);
  const from = documents.map((d) => d.effectiveFrom).sort()[0] ?? '9999-12-31';
  const dates = next.effectiveDates.filter((d) => d >= from);
  const problems: Array<RuleProblem & { onDate: string }> = [];
  for (const date of dates) {
    for (const p of validateRuleSet(next.on(date))) {
      if (!problems.some((q) => q.path === p.path && q.message === p.message)) problems.push({ ...p, onDate: date });
    }
  }
  if (problems.length > 0) {
    throw domainError(
      'RULES_INVALID',
      `the rules would not be consistent: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      { problems },
    );
  }
  return next;
}
