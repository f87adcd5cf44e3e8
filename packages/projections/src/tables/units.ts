import type { Insertable, Selectable } from 'kysely';

/**
 * Every version of every administrative unit the registry knows (the national lists, and the demo units
 * where a deployment has them): what the read side joins to name units and walk their hierarchy on a
 * date. Written from the registry at start; `valid_from` / `valid_to` are inclusive, with 0001-01-01 and
 * 9999-12-31 for open ends.
 */
export interface UnitsTable {
  code: string;
  valid_from: string;
  valid_to: string;
  level: 'province' | 'district' | 'commune';
  kind: string | null;
  name: string;
  parent_code: string | null;
  demo: boolean;
}

export type UnitsRow = Selectable<UnitsTable>;
export type NewUnits = Insertable<UnitsTable>;
