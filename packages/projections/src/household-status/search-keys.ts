import { createHash } from 'node:crypto';
import { foldText } from '@benvung/domain';

/** A national ID number as the domain accepts it: 9 digits (old card) or 12 (citizen ID card). */
export const NATIONAL_ID_PATTERN = /^(?:\d{9}|\d{12})$/;

/**
 * What an ID number is stored and looked up by: 128 bits of SHA-256 over a label and the number, so
 * the read models hold no number and a digest cannot be joined with another system's plain SHA-256 of
 * the same numbers. It is not a secret: with at most 10¹² numbers anyone holding the tables could
 * recompute them, so the digests are personal data like the numbers and are erased with them.
 */
export function nationalIdDigest(nationalId: string): string {
  return createHash('sha256').update(`benvung/national-id/v1:${nationalId}`).digest('base64url').slice(0, 22);
}

/** A head's name as `head_name_search` holds it, and as a search is folded to match it. */
export const nameSearchKey = (name: string): string => foldText(name);
