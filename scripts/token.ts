/**
 * `pnpm token --role case_worker --units 96001,86 --sub cw-01 [--ttl 8h]`: prints a bearer token signed
 * with AUTH_JWT_SECRET, or with the secret the start command keeps in DATA_DIR.
 */
import { parseArgs } from 'node:util';
import { loadConfig, Role, resolveJwtSecret, signToken, TokenClaims } from '@benvung/gateway';

const usage = `usage: pnpm token --role <${Role.options.join('|')}> --sub <user id> [--units <code,code>] [--ttl <hours>h]`;

async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      units: { type: 'string', default: '' },
      sub: { type: 'string' },
      ttl: { type: 'string', default: '12h' },
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
  const ttl = /^(\d{1,4})h$/.exec(values.ttl ?? '');
  if (!ttl?.[1]) throw new Error(`--ttl must look like 8h\n${usage}`);
  const config = loadConfig();
  const secret = await resolveJwtSecret(config.AUTH_JWT_SECRET, config.DATA_DIR);
  console.log(await signToken(secret, claims.data, Number(ttl[1]) * 3600));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
