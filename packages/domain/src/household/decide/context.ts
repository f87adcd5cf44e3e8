import { defaultUnitRegistry } from '../../geography/default-registry.js';
import type { UnitRegistry } from '../../geography/registry.js';
import type { RuleBook } from '../../rules/rule-book.js';
import { SHIPPED_RULE_BOOK } from '../../rules/shipped.js';

/**
 * The reference data `decide` reads. It is data, not clock or I/O: the units, and the rule book whose
 * rules in force on each command's own date (a review's effective date, a loan's date) decide it.
 * The default is the shipped data; the gateway passes the rule book of its rules stream.
 */
export interface DecideContext {
  units: UnitRegistry;
  rules: RuleBook;
}

/** The shipped reference data. */
export const DEFAULT_DECIDE_CONTEXT: DecideContext = {
  units: defaultUnitRegistry,
  rules: SHIPPED_RULE_BOOK,
};
