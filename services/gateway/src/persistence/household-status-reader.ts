import { HOUSEHOLD_LIST_COLUMNS, type HouseholdListRow, type ReadModelDatabase } from '@benvung/projections';
import type { Kysely } from 'kysely';

/** The household_status columns GET /v1/households/{id} shows: a list item's (the row has many more). */
export const HOUSEHOLD_STATUS_VIEW_COLUMNS = HOUSEHOLD_LIST_COLUMNS;

/** A household as the list and GET /v1/households/{id} show it, from the read model or its stream. */
export type HouseholdStatusView = HouseholdListRow;

/**
 * One household's status row by id, for the hottest read of the API. Two things keep it cheap: only
 * the columns shown are selected (the driver builds a parser per column of every result, and the
 * JSON support totals would be parsed for nothing), and the SQL is compiled once here rather than by
 * the query builder on every request — each call only supplies the id.
 */
export function householdStatusReader(
  db: Kysely<ReadModelDatabase>,
): (householdId: string) => Promise<HouseholdStatusView | undefined> {
  const template = db
    .selectFrom('household_status')
    .select(HOUSEHOLD_STATUS_VIEW_COLUMNS)
    .where('household_id', '=', '00000000-0000-0000-0000-000000000000')
    .compile();
  if (template.parameters.length !== 1) throw new Error('the household status query must have exactly one parameter');
  return async (householdId) => {
    const result = await db.executeQuery<HouseholdStatusView>({ ...template, parameters: [householdId] });
    return result.rows[0];
  };
}
