import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt, built into Node: memory-hard (N=2^15, r=8 takes 32 MiB per hash),
 * so guessing stolen hashes on GPUs is expensive, and no native package has to be built or trusted.
 * Hashes are self-describing PHC strings (`$scrypt$ln=15,r=8,p=1$<salt>$<hash>`, base64 without
 * padding): older parameters keep verifying after the defaults are raised, and `needsRehash` says
 * when to store a stronger hash at the next successful sign-in.
 */
export interface ScryptParams {
  /** log2 of the cost N. */
  ln: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: ScryptParams = { ln: 15, r: 8, p: 1 };
/** A stored string asking for more than this is refused: it would tie up memory and a thread for long. */
const MAX_LN = 20;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

const run = (password: string, salt: Buffer, params: ScryptParams, keyLength: number) =>
  new Promise<Buffer>((resolve, reject) => {
    const options: ScryptOptions = {
      N: 2 ** params.ln,
      r: params.r,
      p: params.p,
      // Node refuses anything above 32 MiB by default, which N=2^15, r=8 just reaches (128·N·r).
      maxmem: 256 * 2 ** params.ln * params.r + 1024 * 1024,
    };
    scrypt(password.normalize('NFC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

/** A new salted hash of `password` to store. */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await run(password, salt, params, KEY_BYTES);
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(key)}`;
}

interface Parsed extends ScryptParams {
  salt: Buffer;
  key: Buffer;
}

function parse(stored: string): Parsed | undefined {
  const m = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{16,})\$([A-Za-z0-9+/]{16,})$/.exec(stored);
  if (!m) return undefined;
  const [ln, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (ln < 10 || ln > MAX_LN || r < 1 || p < 1) return undefined;
  return { ln, r, p, salt: Buffer.from(m[4] ?? '', 'base64'), key: Buffer.from(m[5] ?? '', 'base64') };
}

/** Whether `password` matches `stored`; a malformed stored string never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await run(password, parsed.salt, parsed, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/** Whether `stored` was made with weaker parameters than today's. */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_SCRYPT): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.ln < params.ln || parsed.r < params.r || parsed.p < params.p;
}
