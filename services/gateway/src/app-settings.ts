import type { BuildAppOptions } from './app.js';
import { GatewayConfig } from './config.js';

/** The settings that bound what a client may cost the gateway: time-outs, unauthenticated traffic, tokens. */
export type HardeningConfig = Partial<
  Pick<
    GatewayConfig,
    | 'HEADERS_TIMEOUT_MS'
    | 'REQUEST_TIMEOUT_MS'
    | 'RATE_LIMIT_PER_ADDRESS_PER_MINUTE'
    | 'TRUST_PROXY'
    | 'AUTH_TOKEN_MAX_LIFETIME_SECONDS'
    | 'AUTH_ISSUER'
    | 'AUTH_AUDIENCE'
  >
>;

/** The defaults of the environment's variables, from their one definition. */
const DEFAULTS = GatewayConfig.parse({});

/** The build options these settings give; a setting left out takes its environment default. */
export function hardeningOptions(
  config: HardeningConfig,
): Pick<BuildAppOptions, 'timeouts' | 'rateLimitPerAddressPerMinute' | 'trustProxy' | 'tokenPolicy'> {
  const { AUTH_ISSUER: issuer, AUTH_AUDIENCE: audience, TRUST_PROXY: trustProxy } = config;
  return {
    timeouts: {
      headersMs: config.HEADERS_TIMEOUT_MS ?? DEFAULTS.HEADERS_TIMEOUT_MS,
      requestMs: config.REQUEST_TIMEOUT_MS ?? DEFAULTS.REQUEST_TIMEOUT_MS,
    },
    rateLimitPerAddressPerMinute:
      config.RATE_LIMIT_PER_ADDRESS_PER_MINUTE ?? DEFAULTS.RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
    ...(trustProxy !== undefined ? { trustProxy } : {}),
    tokenPolicy: {
      maxLifetimeSeconds: config.AUTH_TOKEN_MAX_LIFETIME_SECONDS ?? DEFAULTS.AUTH_TOKEN_MAX_LIFETIME_SECONDS,
      ...(issuer !== undefined ? { issuer } : {}),
      ...(audience !== undefined ? { audience } : {}),
    },
  };
}
