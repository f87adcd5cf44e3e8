import { createHmac } from 'node:crypto';

/**
 * A keyed hash of a household id (HMAC-SHA-256, 128 bits shown): stable for the same key, so an
 * analyst can follow a household across exports, and unlinkable to the id without the key.
 */
export function pseudonymise(key: Uint8Array, householdId: string): string {
  return createHmac('sha256', key).update(householdId).digest('hex').slice(0, 32);
}
