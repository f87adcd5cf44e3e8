import { defaultUnitRegistry } from '../../geography/default-registry.js';
import type { UnitRegistry } from '../../geography/registry.js';
import { LOAN_CAPS, type LoanCap } from '../../standards/loan-caps.js';
import {
  LOAN_PROGRAMMES,
  type LoanProgramme,
  type LoanRate,
  VBSP_LOAN_RATES,
} from '../../standards/loan-programmes.js';
import { DEFAULT_STANDARDS_DATA } from '../../standards/standards.js';
import type { StandardsData } from '../../standards/types.js';

/**
 * The reference data `decide` reads. It is data, not clock or I/O: the default is the shipped data,
 * and a caller that loaded corrected standards or a commune list passes its own.
 */
export interface DecideContext {
  units: UnitRegistry;
  standards: StandardsData;
  loanProgrammes: readonly LoanProgramme[];
  loanRates: readonly LoanRate[];
  loanCaps: readonly LoanCap[];
}

/** The shipped reference data. */
export const DEFAULT_DECIDE_CONTEXT: DecideContext = {
  units: defaultUnitRegistry,
  standards: DEFAULT_STANDARDS_DATA,
  loanProgrammes: LOAN_PROGRAMMES,
  loanRates: VBSP_LOAN_RATES,
  loanCaps: LOAN_CAPS,
};
