import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';

/** `pnpm token` signs tokens the gateway accepts: within the longest life allowed, with iss and aud when set. */

const root = new URL('../..', import.meta.url).pathname;
const run = promisify(execFile);
const SECRET = 'a-token-command-test-secret-of-enough-length';

async function token(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(root, 'scripts/token.ts'), ...args], {
      cwd: root,
      env: { ...process.env, AUTH_JWT_SECRET: SECRET, ...env },
    });
    return { code: 0, token: stdout.trim(), stderr: '' };
  } catch (err) {
    const e = err as { code: number; stderr: string };
    return { code: e.code, token: '', stderr: e.stderr };
  }
}

const who = ['--role', 'case_worker', '--sub', 'cw-01', '--units', '96'];

describe('pnpm token', { timeout: 60_000 }, () => {
  it('signs a 12-hour token by default, the longest the gateway accepts by default', async () => {
    const signed = await token(who);
    expect(signed.code, signed.stderr).toBe(0);
    const claims = decodeJwt(signed.token);
    expect((claims.exp as number) - (claims.iat as number)).toBe(12 * 3600);
    expect(claims.iss).toBeUndefined();
  });

  it('signs the configured issuer and audience, and stays within the configured longest life', async () => {
    const env = {
      AUTH_ISSUER: 'https://id.benvung.example',
      AUTH_AUDIENCE: 'benvung-api',
      AUTH_TOKEN_MAX_LIFETIME_SECONDS: '3600',
    };
    const signed = await token(who, env);
    expect(signed.code, signed.stderr).toBe(0);
    const { payload } = await jwtVerify(signed.token, new TextEncoder().encode(SECRET), {
      issuer: env.AUTH_ISSUER,
      audience: env.AUTH_AUDIENCE,
    });
    expect((payload.exp as number) - (payload.iat as number)).toBe(3600);

    const tooLong = await token([...who, '--ttl', '2h'], env);
    expect(tooLong.code).not.toBe(0);
    expect(tooLong.stderr).toMatch(/3600/);
  });
});
