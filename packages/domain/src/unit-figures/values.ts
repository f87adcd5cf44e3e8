import { z } from 'zod';

/** The lists a unit sets targets for. */
export const TargetList = z.enum(['poor', 'near_poor']).describe('poor: hộ nghèo; near_poor: hộ cận nghèo');
export type TargetList = z.infer<typeof TargetList>;

/**
 * How a unit states a poverty-reduction target for a year:
 * - `rate_reduction_points`: lower the rate by this many percentage points ("giảm 1% tỷ lệ hộ nghèo");
 * - `households_reduction`: have this many fewer households on the list at the end of the year;
 * - `rate_below_percent`: end the year with a rate below this percentage ("xã dưới 5%").
 */
export const TargetKind = z
  .enum(['rate_reduction_points', 'households_reduction', 'rate_below_percent'])
  .describe(
    'rate_reduction_points: lower the rate by this many percentage points; households_reduction: this many fewer households on the list at the year’s end; rate_below_percent: end the year below this rate (%)',
  );
export type TargetKind = z.infer<typeof TargetKind>;

/** Years figures and targets are kept for. */
export const FiguresYear = z.number().int().min(2000).max(2100);

/** The stream of a unit's figures and targets, one per unit code. */
export const unitFiguresStreamId = (unitCode: string): string => `unit-figures-${unitCode}`;
