/**
 * `pnpm token --role case_worker --units 96001,86 --sub cw-01 [--ttl 8h]`: prints a bearer token signed
 * with AUTH_JWT_SECRET, or with the secret the start command keeps in DATA_DIR. It lives `--ttl`, or
 * the longest the gateway accepts (AUTH_TOKEN_MAX_LIFETIME_SECONDS, 12 h by default), and names
 * AUTH_ISSUER and AUTH_AUDIENCE when they are set, as the gateway then requires.
 */
import { parseArgs } from 'node:util';
import { loadConfig, Role, resolveJwtSecret, signToken, TokenClaims } from '@benvung/gateway';

const usage = `usage: pnpm token --role <${Role.options.join('|')}> --sub <user id> [--units <code,code>] [--ttl <hours>h, at most AUTH_TOKEN_MAX_LIFETIME_SECONDS]`;

async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      units: { type: 'string', default: '' },
      sub: { type: 'string' },
      ttl: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const claims = TokenClaims.safeParse({
    role: values.role,
    sub: values.sub,
    units: (values.units ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean),
  });
  if (!claims.success) {
    throw new Error(`${claims.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${usage}`);
  }
  const ttl = values.ttl === undefined ? undefined : /^(\d{1,4})h$/.exec(values.ttl)?.[1];
  if (values.ttl !== undefined && !ttl) throw new Error(`--ttl must look like 8h\n${usage}`);
  const config = loadConfig();
  const maxLifetimeSeconds = config.AUTH_TOKEN_MAX_LIFETIME_SECONDS;
  const secret = await resolveJwtSecret(config.AUTH_JWT_SECRET, config.DATA_DIR);
  console.log(
    await signToken(secret, claims.data, ttl ? Number(ttl) * 3600 : maxLifetimeSeconds, {
      maxLifetimeSeconds,
      ...(config.AUTH_ISSUER ? { issuer: config.AUTH_ISSUER } : {}),
      ...(config.AUTH_AUDIENCE ? { audience: config.AUTH_AUDIENCE } : {}),
    }),
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
