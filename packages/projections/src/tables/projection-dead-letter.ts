import type { Generated, Insertable, Selectable } from 'kysely';

/** An event a projection could not apply: kept with the error so it can be fixed and replayed. */
export interface ProjectionDeadLetterTable {
  id: Generated<string>;
  projection: string;
  event_id: string;
  stream_id: string;
  version: number;
  event_type: string;
  position: string;
  error: string;
  failed_at: Generated<Date>;
}

export type ProjectionDeadLetterRow = Selectable<ProjectionDeadLetterTable>;
export type NewProjectionDeadLetter = Insertable<ProjectionDeadLetterTable>;
