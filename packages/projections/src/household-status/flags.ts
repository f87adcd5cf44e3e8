import type { HouseholdStatusRow } from '../tables/household-status.js';

/**
 * What a case worker's list marks a household with, and can be filtered by:
 * - `unable_to_escape`: flagged as unable to escape poverty (a supervisor's decision, with a basis);
 * - `newly_escaped`: escaped poverty or near-poverty less than 36 months ago (VBSP loans);
 * - `relapsed`: fell back into poverty or near-poverty after an escape, at least once;
 * - `closed`: no longer followed (moved away, merged, died out …).
 */
export const HOUSEHOLD_FLAGS = ['unable_to_escape', 'newly_escaped', 'relapsed', 'closed'] as const;
export type HouseholdFlag = (typeof HOUSEHOLD_FLAGS)[number];

/** The household_status columns the flags derive from. */
export const HOUSEHOLD_FLAG_COLUMNS = [
  'status',
  'unable_to_escape',
  'newly_escaped_until',
  'relapsed_count',
  'relapsed_near_poverty_count',
] as const;
export type HouseholdFlagFacts = Pick<HouseholdStatusRow, (typeof HOUSEHOLD_FLAG_COLUMNS)[number]>;

/** A household's flags on `today` (YYYY-MM-DD), in the order of HOUSEHOLD_FLAGS. */
export function householdFlags(facts: HouseholdFlagFacts, today: string): HouseholdFlag[] {
  const flags: HouseholdFlag[] = [];
  if (facts.unable_to_escape) flags.push('unable_to_escape');
  if (facts.newly_escaped_until !== null && today < facts.newly_escaped_until) flags.push('newly_escaped');
  if (facts.relapsed_count + facts.relapsed_near_poverty_count > 0) flags.push('relapsed');
  if (facts.status === 'closed') flags.push('closed');
  return flags;
}
