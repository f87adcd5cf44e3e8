import { createHmac } from 'node:crypto';

/**
 * A keyed hash of a household id (HMAC-SHA-256, 128 bits shown) under the export key of its own
 * (`EXPORT_PSEUDONYM_KEY`, never derived from another secret) and the export's project: stable
 * within a project, so an analyst can follow a household across that project's exports, and
 * unlinkable between projects and to the id without the key.
 */
export function pseudonymise(key: Uint8Array, project: string, householdId: string): string {
  return createHmac('sha256', key)
    .update(`benvung export v2\u0000${project}\u0000${householdId}`)
    .digest('hex')
    .slice(0, 32);
}
