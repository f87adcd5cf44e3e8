import { z } from 'zod';

/**
 * The shapes of the analytics answers the OpenAPI document leaves open (`unknown`, records): the
 * published tables of @benvung/analytics (transition matrices, flows, cohorts). Parsed at the edge so
 * a change on the server shows as an error, not as blank cells.
 */

const count = z.number().nullable();
/** Why the server withheld a figure; absent or null when published. */
const withheld = z.enum(['small', 'complementary', 'few_events']).nullable().optional();
export const POVERTY_STATUSES = ['poor', 'near_poor', 'non_poor'] as const;
const Status = z.enum(POVERTY_STATUSES);

export const TransitionMatrix = z.object({
  fromYear: z.number().nullable(),
  toYear: z.number().nullable(),
  n: count,
  suppressed: z.boolean(),
  rows: z.array(
    z.object({
      from: Status,
      total: count,
      suppressed: z.boolean(),
      cells: z.array(
        z.object({
          from: Status,
          to: Status,
          count,
          proportion: z.number().nullable(),
          suppressed: z.boolean(),
          withheld,
        }),
      ),
    }),
  ),
});
export type TransitionMatrix = z.infer<typeof TransitionMatrix>;

export const Transitions = z.object({
  byYear: z.array(TransitionMatrix),
  pooled: TransitionMatrix,
  gaps: z.number().nullable(),
  leftOut: z.boolean().optional(),
});
export type Transitions = z.infer<typeof Transitions>;

export const FLOW_FIELDS = [
  'escaped',
  'relapsed',
  'relapsedPerEscaped',
  'newlyPoor',
  'atRiskStart',
  'relapsedFromAtRisk',
  'hazard',
] as const;
export type FlowField = (typeof FLOW_FIELDS)[number];

export const Flow = z.object({
  unitCode: z.string(),
  year: z.number(),
  escaped: count,
  relapsed: count,
  newlyPoor: count,
  relapsedPerEscaped: count,
  atRiskStart: count,
  relapsedFromAtRisk: count,
  hazard: count,
  suppressed: z.boolean(),
  suppressedFields: z.array(z.string()),
});
export type Flow = z.infer<typeof Flow>;

export const CohortRow = z.object({
  cohort: z.number(),
  suppressed: z.boolean(),
  withheld,
  n: count,
  events: count,
  maxTime: count,
  points: z.array(
    z.object({
      years: z.number(),
      days: z.number(),
      withinFollowUp: z.boolean(),
      nRisk: count,
      cumulativeRelapse: count,
      lower: count,
      upper: count,
      suppressed: z.boolean(),
    }),
  ),
});
export type CohortRow = z.infer<typeof CohortRow>;
