import { describe, expect, it } from 'vitest';
import {
  ConnectionStringError,
  parseMultiHostUrl,
  sessionMatches,
  type TargetSessionAttrs,
} from '../../src/postgres/multi-host-url.js';

describe('parseMultiHostUrl', () => {
  it('leaves an ordinary connection string to node-postgres', () => {
    expect(parseMultiHostUrl('postgres://u:p@h1:5432/db?sslmode=disable')).toBeUndefined();
    expect(parseMultiHostUrl('postgresql://h1/db')).toBeUndefined();
    expect(parseMultiHostUrl('/var/run/postgresql db')).toBeUndefined();
  });

  it('splits the host list and gives each host a URL of its own without target_session_attrs', () => {
    const url = parseMultiHostUrl(
      'postgres://user:s%40cret@h1:5432,h2,[::1]:6543/app?target_session_attrs=read-write&application_name=gw',
    );
    expect(url?.target).toBe('read-write');
    expect(url?.hosts).toEqual([{ host: 'h1', port: 5432 }, { host: 'h2' }, { host: '[::1]', port: 6543 }]);
    expect(url?.hosts.map((h) => url.urlFor(h))).toEqual([
      'postgres://user:s%40cret@h1:5432/app?application_name=gw',
      'postgres://user:s%40cret@h2/app?application_name=gw',
      'postgres://user:s%40cret@[::1]:6543/app?application_name=gw',
    ]);
  });

  it('reads a host list without a target as libpq does: any host that answers', () => {
    const url = parseMultiHostUrl('postgres://h1:1,h2:2/db');
    expect(url?.target).toBe('any');
    expect(url?.hosts).toHaveLength(2);
    expect(url?.urlFor({ host: 'h2', port: 2 })).toBe('postgres://h2:2/db');
  });

  it('checks a single host for the target too', () => {
    const url = parseMultiHostUrl('postgres://u@h1:5432/db?target_session_attrs=primary');
    expect(url?.hosts).toEqual([{ host: 'h1', port: 5432 }]);
    expect(url?.urlFor({ host: 'h1', port: 5432 })).toBe('postgres://u@h1:5432/db');
  });

  it('refuses an unknown target and a bad host entry', () => {
    expect(() => parseMultiHostUrl('postgres://h1,h2/db?target_session_attrs=master')).toThrow(ConnectionStringError);
    expect(() => parseMultiHostUrl('postgres://h1,h2:99999/db')).toThrow(ConnectionStringError);
    expect(() => parseMultiHostUrl('postgres://h1,,h2/db')).toThrow(ConnectionStringError);
  });
});

describe('sessionMatches', () => {
  const primary = { inRecovery: false, readOnly: false };
  const readOnlyPrimary = { inRecovery: false, readOnly: true };
  const standby = { inRecovery: true, readOnly: true };
  const cases: Array<[TargetSessionAttrs, boolean, boolean, boolean]> = [
    ['any', true, true, true],
    ['read-write', true, false, false],
    ['read-only', false, true, true],
    ['primary', true, true, false],
    ['standby', false, false, true],
    ['prefer-standby', false, false, true],
  ];
  it.each(cases)('%s: primary %s, read-only primary %s, standby %s', (target, p, rop, s) => {
    expect([primary, readOnlyPrimary, standby].map((state) => sessionMatches(target, state))).toEqual([p, rop, s]);
  });
});
