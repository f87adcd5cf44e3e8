import { SHIPPED_RULE_BOOK } from '../rules/shipped.js';
import { domainError } from '../shared/error-codes.js';
import type { PovertyStandard, StandardsData } from './types.js';

const shipped = SHIPPED_RULE_BOOK.on('9999-12-31');

/** The shipped poverty standards (packages/domain/rules/standards.json), oldest first. */
export const POVERTY_STANDARDS: readonly PovertyStandard[] = [...shipped.standards].sort(
  (a, b) => a.listYears.from - b.listYears.from,
);

/** The shipped data classification reads by default. */
export const DEFAULT_STANDARDS_DATA: StandardsData = {
  standards: shipped.standards,
  listYearRules: shipped.listYearRules,
};

/** The standard deciding the lists of a year; throws NO_STANDARD_FOR_LIST_YEAR outside every standard. */
export function standardForListYear<S extends PovertyStandard>(
  listYear: number,
  standards: readonly S[] = POVERTY_STANDARDS as readonly S[],
): S {
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
