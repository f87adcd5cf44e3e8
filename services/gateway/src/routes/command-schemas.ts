import { z } from 'zod';
import { CommandHeaders, commandResponseHeaders } from '../openapi/headers.js';
import { ProblemSchema } from './schemas.js';

/** A household in the path. */
export const HouseholdParams = z.object({ id: z.uuid().describe('The household id') });

/** What every command on a household answers. */
export const Accepted = z.object({
  householdId: z.uuid().describe('The household id'),
  version: z.number().int().describe('The household’s version after the command (also the ETag): send it in If-Match'),
  position: z.string().describe('Global position of the last event: send it as X-Wait-For-Position to read it back'),
  events: z.array(z.string()).describe('Types of the events recorded, in order (e.g. HouseholdAssessed)'),
});

/** The protocol every household command speaks: If-Match, Idempotency-Key; ETag on the answer. */
export const commandProtocol = { headers: CommandHeaders, responseHeaders: commandResponseHeaders };

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
