import { z } from 'zod';
import { StoredShortText } from '../household/values.js';
import { FiguresYear, TargetKind, TargetList } from './values.js';

/*
 * A unit's figures and targets, one stream per unit code. They are events rather than rows updated in
 * place so that a report for a year asked as of a date uses the denominators and targets as they
 * stood then, and an auditor sees who changed a figure, when and why. Their types never coincide with
 * a household's: the household projections select events by type.
 */

/**
 * The total households and population of a unit in a year: the denominators of its rates (entered,
 * or imported from the statistics office's table). A later event for the same year replaces it.
 */
export const UnitFiguresRecorded = z.object({
  type: z.literal('UnitFiguresRecorded'),
  data: z.object({
    unitCode: z.string(),
    year: FiguresYear,
    households: z.number().int().min(0),
    population: z.number().int().min(0).optional(),
    source: StoredShortText,
    reason: StoredShortText.optional(),
  }),
});
export type UnitFiguresRecorded = z.infer<typeof UnitFiguresRecorded>;

/** A poverty-reduction target the unit set itself for a year; `value` null withdraws it. */
export const UnitTargetSet = z.object({
  type: z.literal('UnitTargetSet'),
  data: z.object({
    unitCode: z.string(),
    year: FiguresYear,
    list: TargetList,
    kind: TargetKind,
    value: z.number().min(0).nullable(),
    note: StoredShortText.optional(),
  }),
});
export type UnitTargetSet = z.infer<typeof UnitTargetSet>;

export const UnitFiguresEvent = z.discriminatedUnion('type', [UnitFiguresRecorded, UnitTargetSet]);
export type UnitFiguresEvent = z.infer<typeof UnitFiguresEvent>;
export type UnitFiguresEventType = UnitFiguresEvent['type'];

/** The schema version each event type is stored with. */
export const UNIT_FIGURES_EVENT_SCHEMA_VERSIONS: Readonly<Record<UnitFiguresEventType, number>> = {
  UnitFiguresRecorded: 1,
  UnitTargetSet: 1,
};

/** Validates a stored unit-figures event (they carry no personal data). */
export const decodeUnitFiguresEvent = (stored: { type: string; data: Record<string, unknown> }): UnitFiguresEvent =>
  UnitFiguresEvent.parse({ type: stored.type, data: stored.data });
