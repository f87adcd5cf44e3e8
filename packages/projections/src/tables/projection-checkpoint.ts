import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export interface ProjectionCheckpointTable {
  name: string;
  /** Opaque event-store position after the last batch applied; null before the first. */
  position: string | null;
  /** int8: node-postgres returns it as a string. */
  events_processed: ColumnType<string, string | undefined, string>;
  updated_at: Generated<Date>;
}

export type ProjectionCheckpointRow = Selectable<ProjectionCheckpointTable>;
export type NewProjectionCheckpoint = Insertable<ProjectionCheckpointTable>;
