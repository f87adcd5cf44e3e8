import { IsoDate, UnitCode } from '@benvung/domain';
import { z } from 'zod';
import { BALANCE_FIELDS, type BalanceField, REGROUPED } from '../application/reports/balance-fields.js';

/** What every report route reads from its query string. */
export const ReportQuery = z.strictObject({
  unitCode: UnitCode.optional().describe(
    'The unit reported on (within the caller’s units), valid on unitsOn; the caller’s units (or the whole country) when omitted',
  ),
  year: z.coerce.number().int().min(2000).max(2100).describe('The year reported on (its lists on 31 December)'),
  level: z
    .enum(['province', 'commune'])
    .optional()
    .describe('The level of the rows: communes of a province by default, provinces for several units or the country'),
  asOf: IsoDate.optional().describe(
    'Only what was recorded by the end of this day counts, and what was recorded since that changes the year is listed (correctedSince); today when omitted. For a past year, asking again with the same asOf gives the same figures unless correctedSince lists something',
  ),
  unitsOn: IsoDate.optional().describe(
    'The date whose administrative units are the rows (old codes roll up to the units holding them then); asOf when omitted',
  ),
  format: z
    .enum(['json', 'csv', 'xlsx'])
    .default('json')
    .describe('json; csv or xlsx: the same figures laid out as the form, with headings in lang'),
  lang: z.enum(['vi', 'en']).default('vi').describe('Headings and titles: Vietnamese (as the forms) or English'),
});

const Correction = z.object({
  eventId: z.string().describe('The event recorded late, or the correction'),
  kind: z.string().describe('late_entry, voided or amended'),
  eventType: z.string().describe('The type of the event entered late or corrected (HouseholdAssessed …)'),
  effectiveFrom: z.string().describe('The earliest date whose lists it can change'),
  recordedAt: z.string().describe('When it was recorded'),
});

const UnitRef = z.object({ code: z.string().describe('Unit code'), name: z.string().describe('Unit name') });

/** The members every report answer starts with. */
export const ReportHeader = z.object({
  title: z.string().describe('The report’s title, in lang'),
  year: z.number().int().describe('The year reported on'),
  asOf: z.string().describe('The date the report is as of'),
  unitsOn: z.string().describe('The date whose units the rows are'),
  level: z.string().describe('province or commune: the level of the rows'),
  provisional: z.boolean().describe('The year had not ended on asOf: the figures so far'),
  unit: UnitRef.nullable().describe('The unit reported on (null: several units or the whole country)'),
  units: z.array(UnitRef).describe('The units reported on together (the total is theirs)'),
  suppression: z
    .object({
      applied: z.boolean().describe('Breakdowns resting on fewer than threshold households are withheld (null)'),
      threshold: z.number().int().describe('The smallest number of households a published breakdown rests on'),
    })
    .describe('Small-group suppression for analysts and auditors; units’ own totals are never withheld'),
  correctedSince: z
    .array(Correction)
    .describe('Changes recorded after asOf that take effect in or before the year (at most 200 listed)'),
  correctedSinceTotal: z.number().int().describe('How many such changes there are in all'),
});

const fieldsShape = (fields: readonly BalanceField[], nullable: boolean) =>
  Object.fromEntries(
    fields.map((f) => [f.key, (nullable ? z.number().nullable() : z.number()).describe(f.heading.en)]),
  );
const listSchema = (list: keyof typeof BALANCE_FIELDS, nullable = false) =>
  z.object(fieldsShape(BALANCE_FIELDS[list], nullable));

const RowUnit = {
  unitCode: z.string().describe('The unit’s code'),
  unitName: z.string().describe('The unit’s name'),
  remainder: z
    .boolean()
    .describe('Households of split former communes that no single commune of the level holds (the unit’s remainder)'),
};

const BalanceLine = z.object({
  poor: listSchema('poor').describe('The poor list’s balance'),
  nearPoor: listSchema('near_poor').describe('The near-poor list’s balance'),
  reconciles: z.boolean().describe('start − leavers + joiners = end for both lists'),
});

export const BalanceReport = ReportHeader.extend({
  rows: z.array(BalanceLine.extend(RowUnit)).describe('One row per unit of the level'),
  total: BalanceLine.describe('The units together'),
});

const ListRate = z.object({
  opening: z.number().int().describe('On the list at the start of the year'),
  closing: z.number().int().describe('On the list at the end of the year'),
  rate: z.number().nullable().describe('closing ÷ total households × 100'),
  previousRate: z
    .number()
    .nullable()
    .describe('opening ÷ the year before’s total households × 100 (this year’s when the year before has none)'),
  change: z.number().nullable().describe('rate − previousRate, in percentage points'),
});
const TargetProgress = z.object({
  list: z.string().describe('poor or near_poor'),
  kind: z.string().describe('rate_reduction_points, households_reduction or rate_below_percent'),
  value: z.number().describe('The target'),
  note: z.string().nullable().describe('The plan or decision it comes from'),
  achieved: z.number().nullable().describe('Points the rate fell, households fewer, or the rate reached (by kind)'),
  met: z.boolean().nullable().describe('Whether the target was met; null without the figures to tell'),
});
const RatesLine = z.object({
  households: z.number().int().nullable().describe('Total households (the denominator); null when not recorded'),
  population: z.number().int().nullable().describe('Total population'),
  denominatorBasis: z
    .string()
    .nullable()
    .describe('entered: the unit’s own figures; sum_of_units: its communes’ (or the units’) together'),
  poor: ListRate.describe('The poverty rate'),
  nearPoor: ListRate.describe('The near-poverty rate'),
  unableToEscape: z
    .number()
    .int()
    .nullable()
    .describe('Poor households unable to escape at the year’s end (null: withheld)'),
  rateExcludingUnable: z.number().nullable().describe('The poverty rate without them (%)'),
  targets: z.array(TargetProgress).describe('The unit’s targets for the year and progress'),
});

export const RatesReport = ReportHeader.extend({
  rows: z.array(RatesLine.extend(RowUnit)).describe('One row per unit of the level'),
  total: RatesLine.describe('The units together'),
});

const regroupedShape = fieldsShape(REGROUPED, true);
const BreakdownLine = z.object({
  group: z.string().describe('rural/urban; minority/kinh/unknown; unable/other'),
  groupName: z.string().describe('The group, in lang'),
  poor: listSchema('poor', true)
    .extend(regroupedShape)
    .partial({ regroupedIn: true, regroupedOut: true })
    .nullable()
    .describe('The group’s balance of the poor list; null when withheld'),
  nearPoor: listSchema('near_poor', true)
    .extend(regroupedShape)
    .partial({ regroupedIn: true, regroupedOut: true })
    .nullable()
    .describe('The group’s balance of the near-poor list; null when withheld'),
  poorShare: z.number().nullable().describe('The group’s share of the poor list at the year’s end (%)'),
  nearPoorShare: z.number().nullable().describe('The group’s share of the near-poor list at the year’s end (%)'),
  suppressed: z.boolean().describe('Something of the group was withheld'),
});

export const BreakdownReport = ReportHeader.extend({
  by: z.string().describe('What the lists are broken down by'),
  rows: z.array(BreakdownLine.extend(RowUnit)).describe('One row per unit and group'),
  total: z.array(BreakdownLine).describe('The units together, per group'),
});

const Share = {
  households: z.number().int().nullable().describe('Households deprived (null: withheld)'),
  share: z.number().nullable().describe('households ÷ measured × 100'),
  suppressed: z.boolean().describe('Withheld: fewer than the threshold of households, or of the rest of the list'),
};
const DeprivationLine = z.object({
  list: z.string().describe('poor or near_poor'),
  standardId: z.string().nullable().describe('The standard the households’ latest reviews applied'),
  households: z.number().int().describe('Households on the list at the year’s end'),
  measured: z
    .number()
    .int()
    .describe('Of them, with deprivations measured (not a baseline that stated its list alone)'),
  indicators: z
    .array(
      z.object({
        code: z.string().describe('The indicator’s code'),
        name: z.string().describe('Its name in lang, from the rules'),
        dimension: z.string().describe('Its dimension'),
        ...Share,
      }),
    )
    .describe('Each indicator of the standard'),
  dimensions: z
    .array(
      z.object({
        dimension: z.string().describe('The dimension'),
        name: z.string().describe('Its name in lang'),
        ...Share,
      }),
    )
    .describe('Each dimension: deprived on any of its indicators'),
});

export const DeprivationReport = ReportHeader.extend({
  rows: z.array(DeprivationLine.extend(RowUnit)).describe('Per unit, list and standard'),
  total: z.array(DeprivationLine).describe('The units together, per list and standard'),
});

const RoundCounts = {
  surveyed: z.number().int().describe('Households surveyed (a review proposed)'),
  applied: z.number().int().describe('Of them, on the household’s own application'),
  agreed: z.number().int().describe('Agreed as proposed at their village meeting'),
  changed: z.number().int().describe('Changed at their village meeting'),
  pendingMeeting: z.number().int().describe('Not yet through a village meeting'),
  complaintsOpen: z.number().int().describe('Complaints not yet resolved'),
  complaintsResolved: z.number().int().describe('Complaints resolved (upheld or rejected)'),
  decided: z.number().int().describe('Households whose result the chair’s decision made official'),
};

export const RoundsReportQuery = z.strictObject({
  unitCode: UnitCode.optional().describe('Only rounds of this unit or below it (within the caller’s units)'),
  year: z.coerce.number().int().min(2000).max(2100).describe('The list year the rounds decide'),
  format: ReportQuery.shape.format,
  lang: ReportQuery.shape.lang,
});

export const RoundsReport = z.object({
  title: z.string().describe('The report’s title, in lang'),
  listYear: z.number().int().describe('The list year'),
  rounds: z
    .array(
      z.object({
        roundId: z.string().describe('The round'),
        unitCode: z.string().describe('Its commune'),
        unitName: z.string().describe('The commune’s name'),
        kind: z.string().describe('periodic or regular'),
        listYear: z.number().int().describe('The list year it decides'),
        stage: z.string().describe('surveying, posted, decided or applied'),
        ...RoundCounts,
      }),
    )
    .describe('One row per round, as it stands now'),
  total: z.object(RoundCounts).describe('The rounds together'),
});
