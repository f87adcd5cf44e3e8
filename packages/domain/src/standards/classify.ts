import type { Area, ListClassification, ReviewType } from '../household/values.js';
import { domainError } from '../shared/error-codes.js';
import { assertNever } from '../shared/exhaustive.js';
import { classifyByFormScores, type FormScoresInput, type FormScoresRecord } from './form-scores.js';
import { listYearFor } from './list-year-rule.js';
import { DEFAULT_STANDARDS_DATA, standardForListYear } from './standards.js';
import type { PovertyStandard, StandardsData } from './types.js';

/** Monthly income per person above this is a typing mistake, not a household. */
export const MAX_INCOME_PER_CAPITA_VND = 1_000_000_000;

/** What a review measured. */
export interface ClassifyInput {
  effectiveDate: string;
  reviewType: ReviewType;
  /** The list year the review decides; when omitted the list-year rule supplies it. */
  listYear?: number | undefined;
  area: Area;
  /** Omitted for a baseline that states the list it records (`listedAs`), or a review by form scores. */
  incomePerCapitaVnd?: number | undefined;
  /** The review form's scores, where there is no income figure (never with one). */
  formScores?: FormScoresInput | undefined;
  /** Deprivation indicator codes of the selected standard. */
  deprivations: readonly string[];
  /**
   * A baseline's list, as the decision of an earlier review states it: it is the classification, the
   * figures (when given) are only compared with it.
   */
  listedAs?: ListClassification | undefined;
}

/** The outcome of a review under the standard its list year selects. */
export interface ClassificationResult {
  standardId: string;
  /** The rule version that supplied the standard, when the data is versioned (a rule book's). */
  standardVersion: number | undefined;
  listYear: number;
  classification: ListClassification;
  /** True for a non-poor household whose income lies in the standard's average-living band. */
  averageLivingBand: boolean;
  incomeLineVnd: number;
  deprivationCount: number;
  /** Human-readable steps of the decision, for case workers and auditors. */
  reasons: string[];
  /**
   * The unconfirmed parts of the standard this classification depended on (the line, the rule that
   * applied, the band, an indicator the household was found deprived in). Empty once confirmed.
   */
  unverified: string[];
  /** The form scores classified by, B2 counted from the deprivations (a review by scores only). */
  formScores?: FormScoresRecord | undefined;
}

/** What of the standard an outcome rests on that is marked unverified. */
function unverifiedParts(
  standard: PovertyStandard,
  classification: ListClassification,
  underLine: boolean,
  deprivations: readonly string[],
): string[] {
  const parts = standard.unverified ?? {};
  const notes: Array<string | undefined> = [parts.incomeLine];
  if (underLine) notes.push(classification === 'poor' ? parts.poorRule : parts.nearPoorRule);
  if (classification === 'non_poor') notes.push(parts.averageLivingBand);
  for (const code of deprivations) {
    const verify = standard.indicators.find((i) => i.code === code)?.verify;
    if (verify) notes.push(`${code}: ${verify}`);
  }
  return notes.filter((n): n is string => n !== undefined);
}

const vnd = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} VND`;

function checkDeprivations(standard: PovertyStandard, deprivations: readonly string[]): void {
  const seen = new Set<string>();
  const duplicates = deprivations.filter((d) => seen.size === seen.add(d).size);
  if (duplicates.length > 0) {
    throw domainError('DUPLICATE_INDICATOR', `indicators listed twice: ${duplicates.join(', ')}`, { duplicates });
  }
  const known = new Set(standard.indicators.map((i) => i.code));
  const unknown = deprivations.filter((d) => !known.has(d));
  if (unknown.length > 0) {
    throw domainError('UNKNOWN_INDICATOR', `not indicators of ${standard.id}: ${unknown.join(', ')}`, {
      unknown,
      standardId: standard.id,
      allowed: [...known],
    });
  }
}

function classifyUnder(
  standard: PovertyStandard,
  area: Area,
  income: number,
  count: number,
  reasons: string[],
): ListClassification {
  const line = standard.incomeLine[area];
  const rule = standard.rule;
  const byDeprivations = (): ListClassification => {
    const poor = count >= rule.poorMinDeprivations;
    reasons.push(
      `${count} deprivation(s) ${poor ? '≥' : '<'} ${rule.poorMinDeprivations}: ${poor ? 'poor' : 'near-poor'}`,
    );
    return poor ? 'poor' : 'near_poor';
  };
  switch (rule.kind) {
    case 'line_and_deprivations':
      if (income <= line) {
        reasons.push(`income ${vnd(income)} ≤ ${area} line ${vnd(line)}`);
        return byDeprivations();
      }
      reasons.push(`income ${vnd(income)} > ${area} line ${vnd(line)}: non-poor`);
      return 'non_poor';
    case 'two_lines': {
      const upper = rule.upperLine[area];
      if (income <= line) {
        reasons.push(`income ${vnd(income)} ≤ ${area} line ${vnd(line)}: poor whatever the deprivations`);
        return 'poor';
      }
      if (income <= upper) {
        reasons.push(`income ${vnd(income)} between the ${area} lines ${vnd(line)} and ${vnd(upper)}`);
        return byDeprivations();
      }
      reasons.push(`income ${vnd(income)} > ${area} upper line ${vnd(upper)}: non-poor`);
      return 'non_poor';
    }
    default:
      return assertNever(rule, 'classification rule');
  }
}

/**
 * Classifies a household as a review does: the review's list year selects the standard, the
 * standard's lines, rule and indicators decide. Pure; throws ValidationError for an income out of
 * range, an unknown or duplicated indicator, or a list year no standard covers.
 */
export function classifyHousehold(
  input: ClassifyInput,
  data: StandardsData = DEFAULT_STANDARDS_DATA,
): ClassificationResult {
  const income = input.incomePerCapitaVnd;
  if (income === undefined) {
    if (input.formScores !== undefined) return classifyScored(input, input.formScores, data);
    if (input.listedAs !== undefined) return classifyListed(input, input.listedAs, data);
    throw domainError(
      'INCOME_OUT_OF_RANGE',
      'a review records the income per capita (only a stated list may omit it)',
      {
        incomePerCapitaVnd: null,
        max: MAX_INCOME_PER_CAPITA_VND,
      },
    );
  }
  if (!Number.isInteger(income) || income < 0 || income > MAX_INCOME_PER_CAPITA_VND) {
    throw domainError('INCOME_OUT_OF_RANGE', `income per capita must be a whole number of VND in 0–1e9: ${income}`, {
      incomePerCapitaVnd: income,
      max: MAX_INCOME_PER_CAPITA_VND,
    });
  }
  const listYear = listYearFor(input.reviewType, input.effectiveDate, input.listYear, data.listYearRules);
  const standard = standardForListYear(listYear, data.standards);
  checkDeprivations(standard, input.deprivations);

  const version = 'version' in standard && typeof standard.version === 'number' ? standard.version : undefined;
  const reasons = [
    `${input.reviewType} review effective ${input.effectiveDate} decides the lists of ${listYear}: ` +
      `standard ${standard.id}${version !== undefined ? ` (rules version ${version})` : ''} ` +
      `(${standard.legalBasis[0] ?? 'no legal basis recorded'})`,
  ];
  const figures = classifyUnder(standard, input.area, income, input.deprivations.length, reasons);
  const classification = input.listedAs ?? figures;
  if (input.listedAs !== undefined) {
    reasons.push(
      `the list states ${input.listedAs}` +
        (figures === input.listedAs ? ', as the figures give' : `; the figures would give ${figures}`),
    );
  }
  const band = standard.averageLivingBand[input.area];
  const averageLivingBand = classification === 'non_poor' && income > band.above && income <= band.upTo;
  if (averageLivingBand) {
    reasons.push(`average-living band (${input.area}: above ${vnd(band.above)} up to ${vnd(band.upTo)})`);
  }
  const underLine = income <= standard.incomeLine[input.area] || classification !== 'non_poor';
  const unverified = unverifiedParts(standard, classification, underLine, input.deprivations);
  for (const note of unverified) reasons.push(`[unverified] ${note}`);
  return {
    standardId: standard.id,
    standardVersion: version,
    listYear,
    classification,
    averageLivingBand,
    incomeLineVnd: standard.incomeLine[input.area],
    deprivationCount: input.deprivations.length,
    reasons,
    unverified,
  };
}

/** A baseline that states its list without figures: the list year's standard, the stated list. */
function classifyListed(input: ClassifyInput, listedAs: ListClassification, data: StandardsData): ClassificationResult {
  const listYear = listYearFor(input.reviewType, input.effectiveDate, input.listYear, data.listYearRules);
  const standard = standardForListYear(listYear, data.standards);
  checkDeprivations(standard, input.deprivations);
  const version = 'version' in standard && typeof standard.version === 'number' ? standard.version : undefined;
  return {
    standardId: standard.id,
    standardVersion: version,
    listYear,
    classification: listedAs,
    averageLivingBand: false,
    incomeLineVnd: standard.incomeLine[input.area],
    deprivationCount: input.deprivations.length,
    reasons: [
      `${input.reviewType} effective ${input.effectiveDate} records the lists of ${listYear} (standard ${standard.id}): ` +
        `on the ${listedAs} list as the decision states, no income figure recorded`,
    ],
    unverified: [],
  };
}

/**
 * A review by form scores: the list year's standard, its scoring read as data. The poor and near-poor
 * rules and the indicators found deprived carry their notes as with income; the money line and band do
 * not apply.
 */
function classifyScored(input: ClassifyInput, scores: FormScoresInput, data: StandardsData): ClassificationResult {
  const listYear = listYearFor(input.reviewType, input.effectiveDate, input.listYear, data.listYearRules);
  const standard = standardForListYear(listYear, data.standards);
  checkDeprivations(standard, input.deprivations);
  const version = 'version' in standard && typeof standard.version === 'number' ? standard.version : undefined;
  const reasons = [
    `${input.reviewType} review effective ${input.effectiveDate} decides the lists of ${listYear}: ` +
      `standard ${standard.id}${version !== undefined ? ` (rules version ${version})` : ''}, by the review form's scores ` +
      `(${standard.formScores?.basis ?? 'no scoring recorded'})`,
  ];
  const outcome = classifyByFormScores(standard, input.area, scores, input.deprivations, reasons);
  const rules = standard.unverified ?? {};
  const notes: Array<string | undefined> = [
    outcome.classification === 'poor'
      ? rules.poorRule
      : outcome.classification === 'near_poor'
        ? rules.nearPoorRule
        : undefined,
    ...outcome.unverified,
  ];
  for (const code of input.deprivations) {
    const verify = standard.indicators.find((i) => i.code === code)?.verify;
    if (verify) notes.push(`${code}: ${verify}`);
  }
  const unverified = notes.filter((n): n is string => n !== undefined);
  for (const note of unverified) reasons.push(`[unverified] ${note}`);
  return {
    standardId: standard.id,
    standardVersion: version,
    listYear,
    classification: outcome.classification,
    averageLivingBand: outcome.averageLivingBand,
    incomeLineVnd: standard.incomeLine[input.area],
    deprivationCount: input.deprivations.length,
    reasons,
    unverified,
    formScores: outcome.scores,
  };
}
