import { domainError } from '../shared/error-codes.js';
import { LIST_YEAR_RULES } from './list-year-rule.js';
import type { PovertyStandard, StandardsData } from './types.js';
import { VN_2016_2021 } from './vn-2016-2021.js';
import { VN_2022_2026 } from './vn-2022-2026.js';
import { VN_2027_2030 } from './vn-2027-2030.js';

/** The shipped poverty standards, oldest first. */
export const POVERTY_STANDARDS: readonly PovertyStandard[] = [VN_2016_2021, VN_2022_2026, VN_2027_2030];

/** The shipped data classification reads by default. */
export const DEFAULT_STANDARDS_DATA: StandardsData = { standards: POVERTY_STANDARDS, listYearRules: LIST_YEAR_RULES };

/** The standard deciding the lists of a year; throws NO_STANDARD_FOR_LIST_YEAR outside every standard. */
export function standardForListYear(
  listYear: number,
  standards: readonly PovertyStandard[] = POVERTY_STANDARDS,
): PovertyStandard {
  const found = standards.find((s) => listYear >= s.listYears.from && listYear <= s.listYears.to);
  if (!found) {
    throw domainError('NO_STANDARD_FOR_LIST_YEAR', `no poverty standard decides the lists of ${listYear}`, {
      listYear,
      standards: standards.map((s) => ({ id: s.id, ...s.listYears })),
    });
  }
  return found;
}

/** A standard by id, or undefined. */
export const standardById = (
  id: string,
  standards: readonly PovertyStandard[] = POVERTY_STANDARDS,
): PovertyStandard | undefined => standards.find((s) => s.id === id);
