import listYearRules from '../../rules/list-year-rules.json' with { type: 'json' };
import loans from '../../rules/loans.json' with { type: 'json' };
import programmes from '../../rules/programmes.json' with { type: 'json' };
import standards from '../../rules/standards.json' with { type: 'json' };
import { RuleBook } from './rule-book.js';
import { RuleDocument } from './schemas.js';

/**
 * The rule documents a release ships (packages/domain/rules/*.json), parsed with the same schema as an
 * administrator's. They are the first versions of every rule book; a deployment records them in its
 * rules stream at start and adds its own versions after them.
 */
export const SHIPPED_RULE_DOCUMENTS: readonly RuleDocument[] = [standards, listYearRules, loans, programmes].map((d) =>
  RuleDocument.parse(d),
);

/** The shipped documents as a rule book, versions 1…n: the rules of a system nobody has changed. */
export const SHIPPED_RULE_BOOK = new RuleBook(
  SHIPPED_RULE_DOCUMENTS.map((document, i) => ({ version: i + 1, document })),
);
