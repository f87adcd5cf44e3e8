import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from '../src/application/password-hash.js';
import { assertAcceptablePassword, generateOneTimePassword } from '../src/application/password-policy.js';

describe('password hashes', () => {
  it('verify the password they were made from, and no other', async () => {
    const hash = await hashPassword('mật khẩu rất dài');
    expect(hash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$/);
    expect(hash).not.toContain('mật khẩu');
    expect(await verifyPassword('mật khẩu rất dài', hash)).toBe(true);
    // Composed and decomposed Vietnamese letters are the same password.
    expect(await verifyPassword('mật khẩu rất dài'.normalize('NFD'), hash)).toBe(true);
    expect(await verifyPassword('mật khẩu rất dàj', hash)).toBe(false);
    expect(await hashPassword('mật khẩu rất dài')).not.toBe(hash); // salted
  });

  it('keep verifying after the parameters are raised, and say so', async () => {
    const weak = await hashPassword('an older password', { ln: 14, r: 8, p: 1 });
    expect(await verifyPassword('an older password', weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword('a newer password'))).toBe(false);
  });

  it('never match a malformed or too costly stored string', async () => {
    for (const stored of ['', 'plain text', '$scrypt$ln=30,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA'])
      expect(await verifyPassword('plain text', stored)).toBe(false);
  });
});

describe('password policy', () => {
  it('wants 10 characters and not the username', () => {
    expect(() => assertAcceptablePassword('short', 'lan')).toThrow(/at least 10/);
    expect(() => assertAcceptablePassword('Nguyen.Lan1', 'nguyen.lan1')).toThrow(/username/);
    expect(() => assertAcceptablePassword('a long enough one', 'lan')).not.toThrow();
  });

  it('generates readable one-time passwords that pass it', () => {
    const otp = generateOneTimePassword();
    expect(otp).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(() => assertAcceptablePassword(otp, 'admin')).not.toThrow();
    expect(generateOneTimePassword()).not.toBe(otp);
  });
});

describe('log redaction', () => {
  it('hides passwords, hashes, cookies and display names wherever a log line puts them', async () => {
    const { pino } = await import('pino');
    const { loggerOptions } = await import('../src/logger.js');
    const lines: string[] = [];
    const logger = pino(loggerOptions('info', false), { write: (line: string) => lines.push(line) });
    logger.info({ body: { username: 'lan', password: 'secret-one-1', displayName: 'Nguyễn Thị Lan' } }, 'sign-in');
    logger.info({ body: { currentPassword: 'secret-two-2', newPassword: 'secret-three-3' } }, 'change');
    logger.info({ user: { password_hash: '$scrypt$ln=15$salt$hash' }, oneTime: { oneTimePassword: 'otp-4' } }, 'row');
    logger.info({ req: { headers: { cookie: 'benvung_session=tok-5' } } }, 'request');
    const all = lines.join('\n');
    for (const secret of ['secret-one-1', 'secret-two-2', 'secret-three-3', '$scrypt$', 'otp-4', 'tok-5', 'Nguyễn'])
      expect(all).not.toContain(secret);
    expect(all).toContain('lan');
  });
});
