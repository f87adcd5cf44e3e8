import type { Area } from '../household/values.js';
import type { UnitLevel } from './unit-code.js';

/**
 * What kind of unit it is, as the national lists say: provinces `province` or `municipality`;
 * districts `urban_district` (quận), `rural_district` (huyện), `town` (thị xã), `city` (thành phố thuộc
 * tỉnh); communes `commune` (xã), `ward` (phường), `township` (thị trấn), `special_zone` (đặc khu).
 */
export type UnitKind =
  | 'province'
  | 'municipality'
  | 'urban_district'
  | 'rural_district'
  | 'town'
  | 'city'
  | 'commune'
  | 'ward'
  | 'township'
  | 'special_zone';

export const UNIT_KINDS: readonly UnitKind[] = [
  'province',
  'municipality',
  'urban_district',
  'rural_district',
  'town',
  'city',
  'commune',
  'ward',
  'township',
  'special_zone',
];

/**
 * The area a commune's kind puts its households in for the poverty lines: phường and thị trấn urban,
 * xã rural. Undefined for a special zone (no fixed rule), a unit above communes, or an unknown kind:
 * then the area must be stated.
 */
export function areaOfKind(kind: UnitKind | undefined): Area | undefined {
  if (kind === 'ward' || kind === 'township') return 'urban';
  if (kind === 'commune') return 'rural';
  return undefined;
}

/**
 * One version of an administrative unit. A code can have several versions (Cà Mau 96 before and
 * after absorbing Bạc Liêu; code 44 was Quảng Bình, then the new Quảng Trị), never two at once.
 * Validity is inclusive at both ends; an open end is unbounded.
 */
export interface AdminUnit {
  code: string;
  name: string;
  level: UnitLevel;
  kind?: UnitKind | undefined;
  /** The unit it belonged to while valid: a district or province (old communes), a province (new ones). */
  parentCode?: string | undefined;
  validFrom?: string | undefined;
  validTo?: string | undefined;
  /** Invented for demonstrations and tests: never a real unit. */
  demo?: boolean | undefined;
}

/**
 * The version of `fromCode` that ended the day before `effectiveOn` went (wholly or partly) into the
 * version of `toCode` valid on `effectiveOn`. A unit split over several successors has several rows.
 */
export interface CrosswalkEntry {
  fromCode: string;
  toCode: string;
  effectiveOn: string;
  /**
   * How the old unit went into the new one: whole, part (a split: it has a row per successor),
   * unchanged, renamed, retyped, other.
   */
  relation?: 'whole' | 'part' | 'unchanged' | 'renamed' | 'retyped' | 'other' | undefined;
}

/** Units and crosswalk rows, as shipped or as loaded from CSV by a caller. */
export interface UnitData {
  units: readonly AdminUnit[];
  crosswalk: readonly CrosswalkEntry[];
}

/** 63 provinces became 34 (Resolution 202/2025/QH15, per DOMAIN.md). */
export const PROVINCE_MERGER_DATE = '2025-06-12';

/** The district level ended; new communes and their codes (Decision 19/2025/QĐ-TTg) start. */
export const DISTRICTS_ABOLISHED_ON = '2025-07-01';
