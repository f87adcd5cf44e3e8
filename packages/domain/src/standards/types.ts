import type { ReviewType } from '../household/values.js';
import type { ListYearRule, PovertyStandard } from '../rules/schemas.js';

export type {
  ClassificationRule,
  FormScores,
  IncomeBand,
  Indicator,
  ListYearRule,
  ListYearWindow,
  PovertyStandard,
  UnverifiedParts,
} from '../rules/schemas.js';

/** Everything classification reads: the standards and list-year rules in force on the review's date. */
export interface StandardsData {
  standards: readonly (PovertyStandard & { version?: number })[];
  listYearRules: Readonly<Record<ReviewType, ListYearRule>>;
}
