import { z } from 'zod';
import { IsoDate, ReviewType, ShortText } from '../household/values.js';

/*
 * The programme's rules as data: poverty standards, the list-year rule, loan programmes with their dated
 * rates and caps, and the National Target Programmes with their components. A rule document carries
 * any of these sections; documents are loaded as numbered versions that take effect from a date (see
 * rule-book.ts). These schemas validate a document as it arrives; `validateRuleSet` checks what only
 * the whole set can tell (overlaps, references).
 */

/** A name in the two languages of the app, Vietnamese first. */
export const Names = z.strictObject({ vi: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) });
export type Names = z.infer<typeof Names>;

/** Why something could not be confirmed in the legal text itself; present means unverified. */
const Verify = z.string().trim().min(1).max(1000);

/** A stable code: lower case, digits and underscores (indicators, loan programmes). */
export const RuleCode = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'lower-case letters, digits and _ only');

/** One deprivation indicator of a multidimensional standard. */
export const Indicator = z.strictObject({
  /** Stable code used in assessments (`employment`, `water`, …). */
  code: RuleCode,
  dimension: z.string().trim().min(1).max(100),
  names: Names,
  /** When a household counts as deprived on this indicator. */
  deprivedWhen: z.string().trim().min(1).max(500),
  /** Set while the wording or the indicator's presence in the standard is unconfirmed. */
  verify: Verify.optional(),
});
export type Indicator = z.infer<typeof Indicator>;

const VndLine = z.number().int().positive().max(1_000_000_000);
const PerArea = <T extends z.ZodType>(t: T) => z.strictObject({ rural: t, urban: t });

/** An income band, exclusive below and inclusive above (VND per person per month). */
export const IncomeBand = z.strictObject({ above: z.number().int().min(0), upTo: VndLine });
export type IncomeBand = z.infer<typeof IncomeBand>;

/**
 * How a standard turns income and deprivations into a classification.
 * - `line_and_deprivations` (2022 onwards): at or under the line, poor with enough deprivations, else near-poor.
 * - `two_lines` (2016–2021): at or under the lower line always poor; between the lines poor with enough
 *   deprivations, else near-poor.
 */
export const ClassificationRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('line_and_deprivations'), poorMinDeprivations: z.number().int().min(1).max(20) }),
  z.strictObject({
    kind: z.literal('two_lines'),
    upperLine: PerArea(VndLine),
    poorMinDeprivations: z.number().int().min(1).max(20),
  }),
]);
export type ClassificationRule = z.infer<typeof ClassificationRule>;

/**
 * Review form scores (Circular 07/2021/TT-BLĐTBXH): A points as an income proxy, B points per
 * deprivation. Present only where the standard's scoring is known.
 */
export const FormScores = z.strictObject({
  /** Income-proxy (A/B1) points at or under which the household counts as under the income line. */
  incomeProxyMaxPoints: PerArea(z.number().int().positive().max(1000)),
  pointsPerDeprivation: z.number().int().positive().max(100),
  /** Deprivation (B/B2) points from which the household is poor. */
  poorMinDeprivationPoints: z.number().int().positive().max(1000),
  /**
   * Income-proxy points up to which a household above the line is of average living standard (the
   * band above `incomeProxyMaxPoints`); absent where the standard's scoring of the band is not known.
   */
  averageLivingMaxPoints: PerArea(z.number().int().positive().max(1000)).optional(),
  basis: z.string().trim().min(1).max(500),
  verify: Verify.optional(),
  /** Set while the average-living band in points is unconfirmed; a band read from it says so. */
  verifyAverageLiving: Verify.optional(),
});
export type FormScores = z.infer<typeof FormScores>;

/**
 * Parts of a standard whose figures could not be confirmed in the legal text: a classification that
 * depends on one says so (in the answer, the event's reasons and the screens) until a later version of
 * the standard drops the note.
 */
export const UnverifiedParts = z.strictObject({
  incomeLine: Verify.optional(),
  poorRule: Verify.optional(),
  nearPoorRule: Verify.optional(),
  averageLivingBand: Verify.optional(),
});
export type UnverifiedParts = z.infer<typeof UnverifiedParts>;

/** A poverty standard as data: an administrator corrects it by loading a new version, never in code. */
export const PovertyStandard = z.strictObject({
  id: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, 'upper-case letters, digits and - only'),
  title: z.string().trim().min(1).max(300),
  names: Names.optional(),
  legalBasis: z.array(z.string().trim().min(1).max(300)).min(1).max(20),
  /** The list years (inclusive) whose lists this standard decides. */
  listYears: z.strictObject({ from: z.number().int().min(2000).max(2100), to: z.number().int().min(2000).max(2100) }),
  /** The poverty line by area, VND per person per month; "at or under" counts as under. */
  incomeLine: PerArea(VndLine),
  rule: ClassificationRule,
  /** Average-living-standard households (hộ có mức sống trung bình): non-poor, income in this band. */
  averageLivingBand: PerArea(IncomeBand),
  indicators: z.array(Indicator).min(1).max(40),
  formScores: FormScores.optional(),
  /** Only for importing history recorded under it. */
  importOnly: z.boolean().optional(),
  unverified: UnverifiedParts.optional(),
  /** Notes for administrators on what could not be read in the legal text itself. */
  verify: z.array(Verify).max(40).default([]),
  /** What was confirmed, and where (a press summary quoting the ministry, the gazette). */
  sources: z.array(z.string().trim().min(1).max(1000)).max(20).optional(),
});
export type PovertyStandard = z.infer<typeof PovertyStandard>;

/** Part of the year (MM-DD to MM-DD, inclusive) in which a review's list year follows from its date. */
export const ListYearWindow = z.strictObject({
  from: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MM-DD'),
  to: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MM-DD'),
  /** The list year is the effective date's year plus this. */
  offset: z.number().int().min(-1).max(2),
});
export type ListYearWindow = z.infer<typeof ListYearWindow>;

/** Which list year a review decides, per review type, as offsets from the effective date's year. */
export const ListYearRule = z.strictObject({
  reviewType: ReviewType,
  /** Used when the review does not state its list year; outside every window it must state one. */
  defaults: z.array(ListYearWindow).max(12),
  /** A stated list year must be the effective year plus one of these. */
  allowedOffsets: z.array(z.number().int().min(-1).max(2)).min(1).max(4),
  /**
   * When a campaign of this review type runs (periodic: 1 September – 14 December of the year before
   * the list year): a review round opened outside it needs a supervisor's reason. Absent: no window.
   */
  campaign: z
    .strictObject({
      from: ListYearWindow.shape.from,
      to: ListYearWindow.shape.to,
      /** The list year is the campaign's calendar year plus this. */
      listYearOffset: z.number().int().min(0).max(1),
      basis: z.string().trim().min(1).max(1000),
      verify: Verify.optional(),
    })
    .optional(),
  basis: z.string().trim().min(1).max(1000),
  verify: Verify.optional(),
});
export type ListYearRule = z.infer<typeof ListYearRule>;

/** Who may borrow under a programme, read from the household's classification at the loan date. */
export const LoanEligibility = z.enum(['poor', 'near_poor', 'newly_escaped']);
export type LoanEligibility = z.infer<typeof LoanEligibility>;

/** A lending programme a loan is recorded under (VBSP's or another lender's). */
export const LoanProgramme = z.strictObject({
  id: RuleCode,
  names: Names,
  eligibility: LoanEligibility.optional(),
  basis: z.string().trim().min(1).max(1000),
  verify: Verify.optional(),
});
export type LoanProgramme = z.infer<typeof LoanProgramme>;

const Dated = { validFrom: IsoDate.optional(), validTo: IsoDate.optional() };

/** A dated annual rate, inclusive at both ends; open ends are unbounded. */
export const LoanRate = z.strictObject({
  programme: RuleCode,
  ...Dated,
  annualRatePercent: z.number().positive().max(30),
  basis: z.string().trim().min(1).max(1000),
  verify: Verify.optional(),
});
export type LoanRate = z.infer<typeof LoanRate>;

/**
 * A programme's cap on loan amount and term, in force from `validFrom` to `validTo` (inclusive). A
 * missing maximum means the programme sets none on those dates: only LOAN_LIMITS applies.
 */
export const LoanCap = z.strictObject({
  programme: RuleCode,
  ...Dated,
  maxAmountVnd: z.number().int().positive().max(1_000_000_000).optional(),
  maxTermMonths: z.number().int().positive().max(240).optional(),
  basis: z.string().trim().min(1).max(1000),
  verify: Verify.optional(),
});
export type LoanCap = z.infer<typeof LoanCap>;

/** A component code: letters, digits, `.`, `-` (`DA1`, `NTP26-03`). */
export const ComponentCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,31}$/, 'letters, digits, . and - only');

/** A National Target Programme (Chương trình mục tiêu quốc gia), valid over its dates. */
export const Programme = z.strictObject({
  code: ComponentCode,
  names: Names,
  validFrom: IsoDate,
  validTo: IsoDate.optional(),
  basis: z.string().trim().min(1).max(1000),
  verify: Verify.optional(),
});
export type Programme = z.infer<typeof Programme>;

/** A component (dự án, tiểu dự án, nội dung thành phần) a support action is funded under. */
export const ProgrammeComponent = z.strictObject({
  code: ComponentCode,
  programme: ComponentCode,
  names: Names,
  /** Within the programme's dates; defaults to them. */
  ...Dated,
  verify: Verify.optional(),
});
export type ProgrammeComponent = z.infer<typeof ProgrammeComponent>;

/** The sections a rule document may carry, each a list keyed as `RULE_SECTION_KEYS` says. */
export const RuleSections = {
  standards: z.array(PovertyStandard).max(20),
  listYearRules: z.array(ListYearRule).max(10),
  loanProgrammes: z.array(LoanProgramme).max(50),
  loanRates: z.array(LoanRate).max(500),
  loanCaps: z.array(LoanCap).max(500),
  programmes: z.array(Programme).max(20),
  programmeComponents: z.array(ProgrammeComponent).max(200),
};
export type RuleSectionName = keyof typeof RuleSections;
export const RULE_SECTIONS = Object.keys(RuleSections) as RuleSectionName[];

/**
 * A rule document: what an administrator loads (`POST /v1/admin/rules`, `pnpm rules load FILE`) and
 * what a release ships (packages/domain/rules/*.json). It takes effect from `effectiveFrom` and
 * replaces, item by item, what it names: a standard by id, a list-year rule by review type, a loan
 * programme by id, the rates or caps of the programmes it names (all their rows), a programme or
 * component by code. Nothing is ever deleted: an item ends by its `validTo` or list years.
 */
export const RuleDocument = z
  .strictObject({
    /** A stable name for the document (a release's files keep theirs across versions). */
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{2,79}$/, 'lower-case letters, digits and - only')
      .describe('A stable name for the document (lower-case letters, digits, -)'),
    title: z.string().trim().min(1).max(300).describe('What the document sets, e.g. "VBSP rates from 2027"'),
    effectiveFrom: IsoDate.describe('The date from which its rows apply (rows may narrow it)'),
    /** Why it is loaded: the decree, the correction. */
    reason: ShortText.describe('Why it is loaded: the decree or decision, the correction'),
    standards: RuleSections.standards
      .optional()
      .describe('Poverty standards: income lines by area and the deprivation indicators, per range of list years'),
    listYearRules: RuleSections.listYearRules
      .optional()
      .describe('Which list year a review of each type decides, by its effective date'),
    loanProgrammes: RuleSections.loanProgrammes.optional().describe('Lending programmes (VBSP) and who is eligible'),
    loanRates: RuleSections.loanRates.optional().describe('Dated annual rates per programme'),
    loanCaps: RuleSections.loanCaps.optional().describe('Dated maximum amounts and terms per programme'),
    programmes: RuleSections.programmes.optional().describe('National Target Programmes and their dates'),
    programmeComponents: RuleSections.programmeComponents
      .optional()
      .describe('Components (dự án, tiểu dự án) of the programmes that fund support'),
  })
  .refine((d) => RULE_SECTIONS.some((s) => d[s] !== undefined), {
    message: `a rule document carries at least one of: ${RULE_SECTIONS.join(', ')}`,
  });
export type RuleDocument = z.infer<typeof RuleDocument>;
/** A document as written in a file, before defaults are applied. */
export type RuleDocumentInput = z.input<typeof RuleDocument>;
