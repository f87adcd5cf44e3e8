import { randomInt } from 'node:crypto';
import { HttpProblem } from '../plugins/problem.js';

/** Length beats composition rules (NIST SP 800-63B): at least 10 characters, nothing else demanded. */
export const MIN_PASSWORD_LENGTH = 10;
/** Long enough for any passphrase, short enough that hashing it costs nothing extra. */
export const MAX_PASSWORD_LENGTH = 256;

/** Refuses a password an attacker would try first; 422 with a stable code. */
export function assertAcceptablePassword(password: string, username: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new HttpProblem(
      422,
      'PASSWORD_TOO_SHORT',
      'The password is too short',
      `a password needs at least ${MIN_PASSWORD_LENGTH} characters`,
      { minLength: MIN_PASSWORD_LENGTH },
    );
  }
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) {
    throw new HttpProblem(
      422,
      'PASSWORD_EQUALS_USERNAME',
      'The password is the username',
      'a password may not be the username',
    );
  }
}

/** No 0/o, 1/l/i: a one-time password is read off a screen and typed in. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A one-time password (16 characters, ~79 bits) in groups of four: `k7qm-x2vd-…`. */
export function generateOneTimePassword(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
