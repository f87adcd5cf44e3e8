import type { ColumnType, Insertable, Selectable } from 'kysely';

/** Count and total value (VND) of the support actions of one kind a household received. */
export interface SupportTotal {
  count: number;
  amountVnd: number;
}

/**
 * Current status of one household, as the domain's fold derives it (voids and amendments included).
 * Dates are 'YYYY-MM-DD' strings; "as of today" means as of the latest version of the unit registry.
 */
export interface HouseholdStatusTable {
  household_id: string;
  household_code: string | null;
  /** The unit code as recorded (valid when the household was registered or last moved). */
  unit_code: string;
  /** The unit holding `unit_code`'s territory in the latest registry version; null for a code it does not know. */
  unit_code_now: ColumnType<string | null, string | null | undefined, string | null>;
  area: 'rural' | 'urban';
  village: string | null;
  member_count: number;
  /** Personal: shown to case workers of the unit, never to analysts. */
  head_name: string | null;
  /**
   * `head_name` folded for search (no accents, lower case: `foldText`); written and erased with it.
   * Personal like it.
   */
  head_name_search: ColumnType<string | null, string | null | undefined, string | null>;
  classification: 'unassessed' | 'poor' | 'near_poor' | 'non_poor';
  /** Poverty standard of the last counting review. */
  standard_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** List year the last counting review decided. */
  list_year: ColumnType<number | null, number | null | undefined, number | null>;
  last_review_date: ColumnType<string | null, string | null | undefined, string | null>;
  last_review_type: ColumnType<
    'periodic' | 'regular' | 'baseline' | null,
    'periodic' | 'regular' | 'baseline' | null | undefined,
    'periodic' | 'regular' | 'baseline' | null
  >;
  /** Effective date of the latest escape (from poverty or near-poverty). */
  latest_escape_date: ColumnType<string | null, string | null | undefined, string | null>;
  /**
   * First day the household is no longer "newly escaped" (36 months after its latest escape); null
   * when it never escaped or relapsed since. Newly escaped today ⇔ today < this date.
   */
  newly_escaped_until: ColumnType<string | null, string | null | undefined, string | null>;
  escape_count: ColumnType<number, number | undefined, number>;
  /** Relapses into poverty (tái nghèo). */
  relapsed_count: ColumnType<number, number | undefined, number>;
  /** Relapses into near-poverty (tái cận nghèo). */
  relapsed_near_poverty_count: ColumnType<number, number | undefined, number>;
  unable_to_escape: ColumnType<boolean, boolean | undefined, boolean>;
  unable_to_escape_basis: ColumnType<string | null, string | null | undefined, string | null>;
  unable_to_escape_since: ColumnType<string | null, string | null | undefined, string | null>;
  /** Support actions started (not voided), by kind: the kinds the household received (absent: none). */
  support_totals: ColumnType<Record<string, SupportTotal>, Record<string, SupportTotal> | undefined>;
  status: ColumnType<'active' | 'closed', 'active' | 'closed' | undefined, 'active' | 'closed'>;
  closed_on: ColumnType<string | null, string | null | undefined, string | null>;
  close_reason: ColumnType<string | null, string | null | undefined, string | null>;
  registered_on: string;
  /** Stream version this row reflects: the ETag of the household. */
  version: number;
  /** Global position of the last event applied. */
  last_position: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export type HouseholdStatusRow = Selectable<HouseholdStatusTable>;
export type NewHouseholdStatus = Insertable<HouseholdStatusTable>;
