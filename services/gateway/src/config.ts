import { join } from 'node:path';
import { z } from 'zod';
import { MIN_SECRET_LENGTH } from './application/jwt-secret.js';

const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Everything the gateway reads from the environment, validated once at start. */
export const GatewayConfig = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// connection string')
      .optional(),
    /** A streaming replica that analytics and reports read from; its lag is in /ready. */
    DATABASE_READ_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_READ_URL must be a postgres:// or postgresql:// connection string')
      .optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    /** The built web app (services/web/dist) for server.ts to serve at `/`; unset, the API only. */
    WEB_ROOT: z.string().min(1).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024)
      .default(1024 * 1024),
    RUN_PROJECTOR: boolFromEnv.default(true),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** HS256 secret for bearer tokens; without it the start command keeps a generated one in DATA_DIR. */
    AUTH_JWT_SECRET: z
      .string()
      .min(MIN_SECRET_LENGTH, `AUTH_JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters`)
      .optional(),
    /** Key of the keyed hash that pseudonymises households in exports (its own secret, never derived). */
    EXPORT_PSEUDONYM_KEY: z
      .string()
      .min(MIN_SECRET_LENGTH, `EXPORT_PSEUDONYM_KEY must be at least ${MIN_SECRET_LENGTH} characters`)
      .optional(),
    /**
     * Ed25519 key (32 bytes, hex or base64url) that signs checkpoints of the event log; without it the
     * start command keeps a generated one in DATA_DIR. Its own key, derived from no other secret.
     */
    LOG_SIGNING_KEY: z
      .string()
      .regex(
        /^([0-9a-fA-F]{64}|[A-Za-z0-9_-]{43})$/,
        'LOG_SIGNING_KEY must be 32 bytes: 64 hex digits or 43 base64url characters',
      )
      .optional(),
    /** Sign a checkpoint of the log after this many new events… */
    LOG_CHECKPOINT_EVERY_EVENTS: z.coerce.number().int().min(1).max(10_000_000).default(10_000),
    /** …or this many seconds after the last one, when events were added since. */
    LOG_CHECKPOINT_INTERVAL_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 3600)
      .default(300),
    /** File each signed checkpoint is appended to, one line each; default DATA_DIR/log-checkpoints.txt. */
    LOG_CHECKPOINT_FILE: z.string().min(1).optional(),
    /**
     * Also serve the invented demo units (marked demo) beside the national lists: for data made by
     * `pnpm seed`, and tests. Off for a real deployment.
     */
    DEMO_UNITS: boolFromEnv.default(false),
    /**
     * Password of the `admin` account created on a database without accounts; unset, a one-time password
     * is generated and logged once. Ignored once any account exists.
     */
    ADMIN_PASSWORD: z.string().min(10, 'ADMIN_PASSWORD must be at least 10 characters').max(256).optional(),
    /** Requests per minute per token; 0 turns the limit off. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(1200),
    /**
     * Requests per minute per client address that carry no valid credentials (public routes such as
     * /ready and sign-in, failed authentication); the web app's files are not counted. 0 turns it off.
     */
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(300),
    /**
     * Whether to take the client address from X-Forwarded-For (behind a reverse proxy): `true` (any
     * proxy), or the comma-separated addresses/CIDRs of the proxies. Unset: the connection's address.
     */
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((v): boolean | string[] | undefined => {
        if (v === undefined || v === 'false') return undefined;
        if (v === 'true') return true;
        return v
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean);
      }),
    /**
     * Time a client has to send a request's headers, in milliseconds: headers are small, so a slow
     * client is a slow-header attack, not a slow phone.
     */
    HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(20_000),
    /**
     * Time a client has to send a whole request, body included, in milliseconds. Commands are a few KB;
     * a 20 MB list upload needs about 3 Mbit/s at the default (raise it for slower uplinks).
     */
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
    /** The longest life (`exp` − `iat`) a bearer token may have, in seconds; longer ones are refused. */
    AUTH_TOKEN_MAX_LIFETIME_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(30 * 24 * 3600)
      .default(12 * 3600),
    /** When set, tokens must carry this `iss` (and `pnpm token` signs it). */
    AUTH_ISSUER: z.string().min(1).max(500).optional(),
    /** When set, tokens must carry this `aud` (and `pnpm token` signs it). */
    AUTH_AUDIENCE: z.string().min(1).max(500).optional(),
    /** Comma-separated origins allowed by CORS; empty means no cross-origin access. */
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url())),
  })
  .refine((c) => c.HEADERS_TIMEOUT_MS <= c.REQUEST_TIMEOUT_MS, {
    path: ['HEADERS_TIMEOUT_MS'],
    message: 'HEADERS_TIMEOUT_MS must not exceed REQUEST_TIMEOUT_MS',
  });
export type GatewayConfig = z.infer<typeof GatewayConfig>;

/** Variables whose values an error message must not repeat. */
const SECRET_VARIABLES = new Set(['AUTH_JWT_SECRET', 'ADMIN_PASSWORD', 'EXPORT_PSEUDONYM_KEY', 'LOG_SIGNING_KEY']);

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment; on a bad value names the variable and what is wrong with it. An empty
 * variable (`DATABASE_URL=`) counts as unset, as in shells and .env files.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const result = GatewayConfig.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join('.');
        const raw = name && !SECRET_VARIABLES.has(name) ? env[name] : undefined;
        return `${name}: ${issue.message}${raw !== undefined ? ` (got ${JSON.stringify(raw)})` : ''}`;
      }),
    );
  }
  return result.data;
}

/** Where and how often the log's checkpoints are signed and published. */
export function checkpointSettings(config: GatewayConfig): {
  everyEvents: number;
  intervalSeconds: number;
  file: string;
} {
  return {
    everyEvents: config.LOG_CHECKPOINT_EVERY_EVENTS,
    intervalSeconds: config.LOG_CHECKPOINT_INTERVAL_SECONDS,
    file: config.LOG_CHECKPOINT_FILE ?? join(config.DATA_DIR, 'log-checkpoints.txt'),
  };
}
