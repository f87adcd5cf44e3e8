import { z } from 'zod';
import { UnitCode } from '../geography/unit-code.js';
import { ShortText } from '../household/values.js';
import { FiguresYear, TargetKind, TargetList } from './values.js';

/** A unit's figures for a year as someone enters them. */
export const UnitFiguresInput = z.object({
  households: z.number().int().min(0).max(50_000_000).describe('Total households of the unit in the year'),
  population: z
    .number()
    .int()
    .min(0)
    .max(200_000_000)
    .optional()
    .describe('Total population (nhân khẩu) of the unit in the year'),
  source: ShortText.describe('Where the figures come from: a statistical yearbook, a decision, the commune’s count'),
  reason: ShortText.optional().describe('Why they are entered or changed'),
});

// Every household has at least one member.
const enoughPeople = (c: { households: number; population?: number | undefined }) =>
  c.population === undefined || c.population >= c.households;
const tooFewPeople = { message: 'population cannot be smaller than the number of households', path: ['population'] };

/** The figures of a request body (the unit and year come from its path). */
export const UnitFiguresBody = UnitFiguresInput.strict().refine(enoughPeople, tooFewPeople);

/** Record (or correct) a unit's total households and population for a year. */
export const RecordUnitFigures = UnitFiguresInput.extend({
  type: z.literal('RecordUnitFigures'),
  unitCode: UnitCode,
  year: FiguresYear,
}).refine(enoughPeople, tooFewPeople);
export type RecordUnitFigures = z.infer<typeof RecordUnitFigures>;

/** One target as a unit states it; `value` null withdraws the target of that list and kind. */
export const TargetInput = z.object({
  list: TargetList,
  kind: TargetKind,
  value: z
    .number()
    .min(0)
    .max(10_000_000)
    .nullable()
    .describe('Percentage points, households, or a percentage (see kind); null withdraws the target'),
  note: ShortText.optional().describe('The decision or plan the target comes from'),
});
export type TargetInput = z.infer<typeof TargetInput>;

/** Set the poverty-reduction targets of a unit for a year. */
export const SetUnitTargets = z.object({
  type: z.literal('SetUnitTargets'),
  unitCode: UnitCode,
  year: FiguresYear,
  targets: z
    .array(TargetInput)
    .min(1)
    .max(6)
    .refine((ts) => new Set(ts.map((t) => `${t.list}|${t.kind}`)).size === ts.length, {
      message: 'one target per list and kind',
    }),
});
export type SetUnitTargets = z.infer<typeof SetUnitTargets>;

export type UnitFiguresCommand = RecordUnitFigures | SetUnitTargets;
