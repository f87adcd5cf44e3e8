import { z } from 'zod';
import { ProblemSchema } from './schemas.js';

/** A household in the path. */
export const HouseholdParams = z.object({ id: z.uuid() });

/** What every command on a household answers. */
export const Accepted = z.object({
  householdId: z.uuid(),
  version: z.number().int(),
  position: z.string(),
  events: z.array(z.string()),
});

/** The problems a command may answer. */
export const commandErrors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  412: ProblemSchema,
  413: ProblemSchema,
  422: ProblemSchema,
};

/** Who records what happens to households of their units. */
export const workers = ['case_worker', 'supervisor'] as const;
