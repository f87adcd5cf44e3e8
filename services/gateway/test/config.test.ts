import { describe, expect, it } from 'vitest';
import { hardeningOptions } from '../src/app-settings.js';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration from the environment', () => {
  it('has sensible defaults', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', DATA_DIR: '.data', RUN_PROJECTOR: true });
  });

  it('names the variable and the bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: .*"eighty"/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: .*postgres/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('bounds slow clients, unauthenticated traffic and token lifetimes by default', () => {
    expect(hardeningOptions(loadConfig({}))).toEqual({
      timeouts: { headersMs: 20_000, requestMs: 60_000 },
      rateLimitPerAddressPerMinute: 300,
      tokenPolicy: { maxLifetimeSeconds: 12 * 3600 },
    });
    expect(
      hardeningOptions(
        loadConfig({
          REQUEST_TIMEOUT_MS: '120000',
          TRUST_PROXY: '10.0.0.0/8, 192.168.1.2',
          AUTH_ISSUER: 'https://id.example',
          AUTH_AUDIENCE: 'benvung',
          AUTH_TOKEN_MAX_LIFETIME_SECONDS: '3600',
        }),
      ),
    ).toMatchObject({
      timeouts: { headersMs: 20_000, requestMs: 120_000 },
      trustProxy: ['10.0.0.0/8', '192.168.1.2'],
      tokenPolicy: { maxLifetimeSeconds: 3600, issuer: 'https://id.example', audience: 'benvung' },
    });
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(() => loadConfig({ HEADERS_TIMEOUT_MS: '90000', REQUEST_TIMEOUT_MS: '60000' })).toThrow(
      /HEADERS_TIMEOUT_MS/,
    );
    expect(() => loadConfig({ AUTH_TOKEN_MAX_LIFETIME_SECONDS: '10' })).toThrow(/AUTH_TOKEN_MAX_LIFETIME_SECONDS/);
  });
});
