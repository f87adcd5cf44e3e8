/**
 * @benvung/rules: the programme's rules as versions in the event store (the `rules-national` stream),
 * the rule book a process decides with, and the reviews a new version would classify differently.
 */
export {
  type AffectedCursor,
  type AffectedReview,
  type AffectedReviewsPage,
  listAffectedReviews,
} from './affected-reviews.js';
export { RuleBookCache } from './rule-book-cache.js';
export {
  appendRuleVersion,
  appendRuleVersions,
  documentDigest,
  loadRuleBook,
  RULE_VERSION_ADDED,
  RULES_STREAM,
  type RuleActor,
  readRuleVersions,
} from './rules-stream.js';
