import { z } from 'zod';
import { IsoDate } from '../values.js';

/** Bounds of an erasure's reason: long enough to say why (a request, a decision), short enough to read. */
export const ERASURE_REASON_MIN = 10;
export const ERASURE_REASON_MAX = 500;

/** The reason as an erasure event recorded it (read as it is, like the other Stored* texts). */
const StoredErasureReason = z.string().trim().min(ERASURE_REASON_MIN).max(ERASURE_REASON_MAX);

/**
 * The household's personal data (the head's and members' names and ID numbers, note texts, flag
 * reasons) was erased from every earlier event of its stream. The event itself holds none: who erased
 * it and when are in its metadata (actor) and store time; `erasedEvents` is how many events lost their
 * personal part. It changes no fact about the household, so counts and analytics stay as they were.
 */
export const PersonalDataErased = z.object({
  type: z.literal('PersonalDataErased'),
  data: z.object({
    reason: StoredErasureReason,
    erasedEvents: z.number().int().min(0),
    occurredOn: IsoDate,
  }),
});
export type PersonalDataErased = z.infer<typeof PersonalDataErased>;
