import { z } from 'zod';
import { UnitCode } from '../../geography/unit-code.js';
import { EthnicityCode } from '../ethnicity.js';
import { Area, IsoDate, StoredHouseholdHead, StoredShortText } from '../values.js';

/**
 * How the area was settled: by the commune's kind (`unit_kind`), stated where the kind sets none
 * (`stated`), or overridden with a reason (`override`). Absent on events recorded before 2026-12.
 */
export const AreaSource = z.enum(['unit_kind', 'stated', 'override']);
export type AreaSource = z.infer<typeof AreaSource>;
const AreaFields = { area: Area, areaSource: AreaSource.optional(), areaOverrideReason: StoredShortText.optional() };

/** The household enters follow-up, in the unit valid on the registration date. */
export const HouseholdRegistered = z.object({
  type: z.literal('HouseholdRegistered'),
  data: z.object({
    householdId: z.uuid(),
    householdCode: z.string().trim().min(1).max(50).optional(),
    head: StoredHouseholdHead,
    memberCount: z.number().int().min(1).max(100),
    /** The head's ethnic group (national code): reported on, so not in the personal part. */
    headEthnicity: EthnicityCode.optional(),
    ...AreaFields,
    unitCode: UnitCode,
    village: z.string().trim().min(1).max(200).optional(),
    registeredOn: IsoDate,
  }),
});
export type HouseholdRegistered = z.infer<typeof HouseholdRegistered>;

/** The number of members changed (birth, death, marriage, split…). */
export const HouseholdMembersChanged = z.object({
  type: z.literal('HouseholdMembersChanged'),
  data: z.object({
    memberCount: z.number().int().min(1).max(100),
    previousMemberCount: z.number().int().min(1).max(100),
    reason: StoredShortText.optional(),
    occurredOn: IsoDate,
  }),
});
export type HouseholdMembersChanged = z.infer<typeof HouseholdMembersChanged>;

/** Moved to another unit (or village, or from rural to urban): the codes are those valid on the day. */
export const HouseholdMoved = z.object({
  type: z.literal('HouseholdMoved'),
  data: z.object({
    fromUnitCode: UnitCode,
    toUnitCode: UnitCode,
    village: z.string().trim().min(1).max(200).optional(),
    ...AreaFields,
    occurredOn: IsoDate,
  }),
});
export type HouseholdMoved = z.infer<typeof HouseholdMoved>;

/** Why a household leaves follow-up. */
export const CloseReason = z
  .enum(['dissolved', 'moved_away', 'deceased'])
  .describe(
    'Why follow-up ends: the household dissolved, moved away (out of the programme’s reach), or its members died',
  );
export type CloseReason = z.infer<typeof CloseReason>;

/** The household leaves follow-up; nothing more happens to it (voiding this event reopens it). */
export const HouseholdClosed = z.object({
  type: z.literal('HouseholdClosed'),
  data: z.object({ reason: CloseReason, occurredOn: IsoDate }),
});
export type HouseholdClosed = z.infer<typeof HouseholdClosed>;
