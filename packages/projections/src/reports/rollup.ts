import { type RawBuilder, sql } from 'kysely';

/**
 * Where the rows of a report come from: each unit code as recorded, over the dates it named one unit
 * (a code can name another unit after a reorganisation), and the report row it rolls up to. Built by
 * the caller from the unit registry (old codes roll up to the units holding them on the date the
 * report's units are taken from); a code absent from it is outside the report.
 */
export interface RollupEntry {
  code: string;
  /** First date (inclusive) a row recorded under the code falls here. */
  from: string;
  /** Last date (inclusive). */
  to: string;
  /** The report row (a unit code, or a key of the caller's). */
  row: string;
}

/** The rollup as a relation `r(code, valid_from, valid_to, row_key)`, four array parameters. */
export function rollupRelation(rollup: readonly RollupEntry[]): RawBuilder<unknown> {
  return sql`unnest(
    ${rollup.map((e) => e.code)}::text[], ${rollup.map((e) => e.from)}::date[],
    ${rollup.map((e) => e.to)}::date[], ${rollup.map((e) => e.row)}::text[]
  ) AS r(code, valid_from, valid_to, row_key)`;
}

/** The distinct codes of a rollup: what the unit indexes are searched with. */
export const rollupCodes = (rollup: readonly RollupEntry[]): string[] => [...new Set(rollup.map((e) => e.code))];
