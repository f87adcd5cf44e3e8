import { Area, IsoDate, RegisterHousehold, UnitCode } from '@benvung/domain';
import { HOUSEHOLD_FLAGS, HOUSEHOLD_SORT_KEYS, type HouseholdSortKey, householdFlags } from '@benvung/projections';
import { z } from 'zod';
import type { HouseholdStatusView } from '../persistence/household-status-reader.js';

/** The domain's registration command as a body: the id may be chosen by the server, the date defaults to today. */
export const RegisterBody = RegisterHousehold.omit({ type: true, householdId: true, occurredOn: true })
  .extend({
    householdId: z.uuid().optional().describe('Chosen by the client, or derived from the Idempotency-Key, or new'),
    occurredAt: IsoDate.optional().describe('The registration date (YYYY-MM-DD); today when omitted'),
  })
  .strict();

export const Registered = z
  .object({
    householdId: z.uuid().describe('The household id'),
    version: z.number().int().describe('The stream version after registration (1): the ETag for If-Match'),
    position: z.string().describe('Global position of the event: send it back as X-Wait-For-Position to read it'),
  })
  .describe('The household is registered');

export const HouseholdParams = z.object({ id: z.uuid().describe('The household id') });

export const Classification = z
  .enum(['unassessed', 'poor', 'near_poor', 'non_poor'])
  .describe('The list the latest counting review put the household on; `unassessed` before its first review');

export const HouseholdFlag = z
  .enum(HOUSEHOLD_FLAGS)
  .describe(
    '`unable_to_escape`: flagged unable to escape poverty; `newly_escaped`: escaped poverty or near-poverty ' +
      'less than 36 months ago; `relapsed`: fell back into poverty or near-poverty after an escape; ' +
      '`closed`: no longer followed',
  );

export const HouseholdStatus = z
  .object({
    householdId: z.uuid().describe('The household id'),
    householdCode: z.string().nullable().describe('The code the commune gave the household'),
    unitCode: z
      .string()
      .describe('The unit (commune) code as recorded, which may predate the July 2025 reorganisation'),
    area: Area,
    village: z.string().nullable().describe('Village, hamlet (thôn, ấp, bản) as recorded'),
    memberCount: z.number().int().describe('Members: the registered count, or the listed members once any are listed'),
    headName: z.string().nullable().describe("The head's full name (personal data); null once erased"),
    classification: Classification,
    flags: z.array(HouseholdFlag).describe('What the household is marked with today'),
    registeredOn: z.string().describe('YYYY-MM-DD'),
    version: z.number().int().describe('The stream version this answer reflects (the ETag)'),
    updatedAt: z.string().describe('When the last event was recorded (ISO 8601)'),
  })
  .describe('A household as a list shows it');
export type HouseholdStatus = z.infer<typeof HouseholdStatus>;

export function toHouseholdStatus(row: HouseholdStatusView, today: string): HouseholdStatus {
  return {
    householdId: row.household_id,
    householdCode: row.household_code,
    unitCode: row.unit_code,
    area: row.area,
    village: row.village,
    memberCount: row.member_count,
    headName: row.head_name,
    classification: row.classification,
    flags: householdFlags(row, today),
    registeredOn: row.registered_on,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Sort parameters: a key, ascending, or `-` and the key, descending. */
const SORT_PARAMS = ['name', '-name', 'code', '-code', 'registered', '-registered', 'updated', '-updated'] as const;

/** The key and direction of a sort parameter. */
export function sortOf(sort: (typeof SORT_PARAMS)[number]): { key: HouseholdSortKey; descending: boolean } {
  const descending = sort.startsWith('-');
  const name = descending ? sort.slice(1) : sort;
  const key = HOUSEHOLD_SORT_KEYS.find((k) => k === name);
  if (!key) throw new Error(`sort ${sort} has no key`);
  return { key, descending };
}

export const ListQuery = z
  .strictObject({
    q: z
      .string()
      .trim()
      .max(100)
      .optional()
      .describe(
        "Search: part of the head's name, accents and case ignored (`nguyen van an`, `van an`); the beginning " +
          'of a household code; or an ID number of the head or a member (9 or 12 digits, exact). Empty: no search.',
      ),
    unitCode: UnitCode.optional().describe('One of your units (or a unit within one); all your units when omitted'),
    village: z.string().trim().min(1).max(200).optional().describe('Village exactly as recorded'),
    status: Classification.optional().describe('Only households with this classification'),
    flag: HouseholdFlag.optional().describe('Only households marked with this flag'),
    sort: z
      .enum(SORT_PARAMS)
      .optional()
      .describe(
        '`name` (folded, accents ignored), `code`, `registered` or `updated`; `-` first for descending. Ties ' +
          'are broken by household id. By household id when omitted (the order `cursor` pages through).',
      ),
    limit: z.coerce.number().int().min(1).max(200).default(50).describe('Households per page'),
    offset: z.coerce
      .number()
      .int()
      .min(0)
      .max(10_000)
      .default(0)
      .describe('Households to skip (at most 10,000: narrow the search to go further)'),
    cursor: z.uuid().optional().describe('Legacy keyset paging: a `nextCursor`; only without `sort`'),
  })
  .refine((q) => !(q.cursor && q.sort), { message: 'cursor pages the default order only: use offset with sort' });

export const HouseholdPageSchema = z
  .object({
    households: z.array(HouseholdStatus),
    total: z.number().int().describe('Households matching the filters and search in your units'),
    totalExact: z.boolean().describe('False when counting stopped at 10,000: there are more'),
    limit: z.number().int(),
    offset: z.number().int(),
    nextCursor: z.uuid().optional().describe('Without `sort`, when the page is full: the `cursor` of the next page'),
  })
  .describe('A page of households, with how many match');
