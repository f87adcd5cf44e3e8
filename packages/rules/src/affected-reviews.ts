import {
  type Area,
  classifyHousehold,
  DomainError,
  type ListClassification,
  type ReviewType,
  RuleBook,
} from '@benvung/domain';
import type { ReadModelDatabase } from '@benvung/projections';
import { type Kysely, sql } from 'kysely';

/** A recorded review that the rules through some version would classify differently. */
export interface AffectedReview {
  householdId: string;
  eventId: string;
  /** The unit the household is recorded in now (for supervisors to find it). */
  unitCode: string;
  effectiveDate: string;
  reviewType: ReviewType;
  listYear: number;
  recorded: { classification: ListClassification; standardId: string; standardVersion: number | null };
  /** The outcome under the new rules, or the rule it would now break (an indicator the standard dropped). */
  wouldBe:
    | { classification: ListClassification; standardId: string; standardVersion: number | null }
    | { refused: string; detail: string };
}

/** Where a listing stopped: pass it back as `after` for the next page. */
export interface AffectedCursor {
  householdId: string;
  eventId: string;
}

export interface AffectedReviewsPage {
  items: AffectedReview[];
  /** Set when there may be more: the last review looked at. */
  next: AffectedCursor | undefined;
  /** Reviews looked at for this page. */
  scanned: number;
}

interface ReviewRow {
  household_id: string;
  event_id: string;
  unit_code: string;
  effective_date: string;
  review_type: ReviewType;
  list_year: number;
  classification: ListClassification;
  area: Area;
  income_per_capita_vnd: string | null;
  deprivations: string[];
  standard_id: string;
  standard_version: number | null;
}

function reclassify(row: ReviewRow, book: RuleBook): AffectedReview['wouldBe'] {
  try {
    const rules = book.on(row.effective_date);
    const r = classifyHousehold(
      {
        effectiveDate: row.effective_date,
        reviewType: row.review_type,
        listYear: row.list_year,
        area: row.area,
        incomePerCapitaVnd: Number(row.income_per_capita_vnd ?? 0),
        deprivations: row.deprivations,
      },
      { standards: rules.standards, listYearRules: rules.listYearRules },
    );
    return { classification: r.classification, standardId: r.standardId, standardVersion: r.standardVersion ?? null };
  } catch (err) {
    if (err instanceof DomainError) return { refused: err.code, detail: err.message };
    throw err;
  }
}

/**
 * The counting reviews that the rules through `version` would classify differently from how they were
 * recorded: reviews effective from the version's date on, decided under an earlier version. Nothing is
 * rewritten: supervisors re-review them (an amendment decides the review again under the rules in
 * force). Pages through review_history by (household, event), looking at up to `maxScan` reviews for
 * at most `limit` affected ones; `unitCodes` restricts to households recorded in those units now.
 */
export async function listAffectedReviews(
  db: Kysely<ReadModelDatabase>,
  book: RuleBook,
  version: number,
  options: {
    limit: number;
    after?: AffectedCursor;
    unitCodes?: readonly string[];
    maxScan?: number;
    pageSize?: number;
  },
): Promise<AffectedReviewsPage> {
  const loaded = book.versions.find((v) => v.version === version);
  if (!loaded) return { items: [], next: undefined, scanned: 0 };
  const through = new RuleBook(book.versions.filter((v) => v.version <= version));
  const pageSize = options.pageSize ?? 5_000;
  const maxScan = options.maxScan ?? Number.POSITIVE_INFINITY;
  const units = options.unitCodes ? sql`AND h.unit_code = ANY(${[...options.unitCodes]}::text[])` : sql``;
  const items: AffectedReview[] = [];
  let after = options.after;
  let scanned = 0;
  for (;;) {
    const cursor = after
      ? sql`AND (r.household_id, r.event_id) > (${after.householdId}::uuid, ${after.eventId}::uuid)`
      : sql``;
    const { rows } = await sql<ReviewRow>`
      SELECT r.household_id, r.event_id, h.unit_code, r.effective_date::text AS effective_date, r.review_type,
             r.list_year, r.classification, r.area, r.income_per_capita_vnd, r.deprivations, r.standard_id,
             r.standard_version
      FROM review_history r JOIN household_status h ON h.household_id = r.household_id
      WHERE NOT r.voided AND r.listed_as IS NULL AND r.effective_date >= ${loaded.document.effectiveFrom}::date
        AND (r.standard_version IS NULL OR r.standard_version < ${version}) ${units} ${cursor}
      ORDER BY r.household_id, r.event_id
      LIMIT ${pageSize}`.execute(db);
    for (const row of rows) {
      scanned++;
      after = { householdId: row.household_id, eventId: row.event_id };
      const wouldBe = reclassify(row, through);
      const same =
        'classification' in wouldBe &&
        wouldBe.classification === row.classification &&
        wouldBe.standardId === row.standard_id;
      if (!same) {
        items.push({
          householdId: row.household_id,
          eventId: row.event_id,
          unitCode: row.unit_code,
          effectiveDate: row.effective_date,
          reviewType: row.review_type,
          listYear: row.list_year,
          recorded: {
            classification: row.classification,
            standardId: row.standard_id,
            standardVersion: row.standard_version,
          },
          wouldBe,
        });
      }
      if (items.length >= options.limit || scanned >= maxScan) return { items, next: after, scanned };
    }
    if (rows.length < pageSize) return { items, next: undefined, scanned };
  }
}
