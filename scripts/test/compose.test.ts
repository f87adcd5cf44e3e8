import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GatewayConfig, loadConfig } from '@benvung/gateway';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ProjectorConfig } from '../../services/projector/src/config.js';

/**
 * infra/compose.yaml and infra/Dockerfile, checked without a container engine (CI has none): the
 * compose file is parsed and interpolated here as `docker compose config` does, so what is checked is
 * the configuration, not a running stack.
 */

const root = new URL('../..', import.meta.url).pathname;
const infra = join(root, 'infra');
const composeText = readFileSync(join(infra, 'compose.yaml'), 'utf8');
const envExampleText = readFileSync(join(infra, '.env.example'), 'utf8');
const dockerfileText = readFileSync(join(infra, 'Dockerfile'), 'utf8');

/** Variables that are secrets: each must be required (`:?`) wherever compose uses it. */
const SECRETS = [
  'POSTGRES_PASSWORD',
  'REPLICATION_PASSWORD',
  'AUTH_JWT_SECRET',
  'EXPORT_PSEUDONYM_KEY',
  'LOG_SIGNING_KEY',
  'ADMIN_PASSWORD',
];

type Yaml = Record<string, unknown>;

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string; target?: string };
  restart?: string;
  profiles?: string[];
  healthcheck?: { test?: string | string[]; disable?: boolean };
  depends_on?: Record<string, { condition?: string }> | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  volumes?: string[];
}

// --- compose's interpolation ------------------------------------------------------------------

interface Reference {
  name: string;
  operator: string | undefined;
  argument: string | undefined;
}

const REFERENCE =
  /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

function references(text: string): Reference[] {
  const found: Reference[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    if (m[0] === '$$') continue;
    found.push({ name: (m[1] ?? m[4]) as string, operator: m[2], argument: m[3] });
  }
  return found;
}

class InterpolationError extends Error {}

/** One string, as compose interpolates it (`:?`/`?` fail with their message, `:-`/`-` default, `$$` is `$`). */
function interpolate(text: string, env: Record<string, string>, where: string): string {
  return text.replace(REFERENCE, (whole, braced?: string, operator?: string, argument?: string, bare?: string) => {
    if (whole === '$$') return '$';
    const name = (braced ?? bare) as string;
    const value = env[name];
    const set = value !== undefined;
    const nonEmpty = set && value !== '';
    switch (operator) {
      case ':?':
      case '?':
        if (operator === ':?' ? !nonEmpty : !set) {
          throw new InterpolationError(
            `error while interpolating ${where}: required variable ${name} is missing a value: ${argument}`,
          );
        }
        return value as string;
      case ':-':
        return nonEmpty ? (value as string) : interpolate(argument ?? '', env, where);
      case '-':
        return set ? (value as string) : interpolate(argument ?? '', env, where);
      case ':+':
        return nonEmpty ? interpolate(argument ?? '', env, where) : '';
      case '+':
        return set ? interpolate(argument ?? '', env, where) : '';
      default:
        return value ?? '';
    }
  });
}

function interpolateTree(node: unknown, env: Record<string, string>, path: string): unknown {
  if (typeof node === 'string') return interpolate(node, env, path);
  if (Array.isArray(node)) return node.map((n, i) => interpolateTree(n, env, `${path}[${i}]`));
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, interpolateTree(v, env, path ? `${path}.${k}` : k)]),
    );
  }
  return node;
}

/** What `docker compose config` would give (or say) with this environment. */
function render(env: Record<string, string>): { services: Record<string, Service> } & Yaml {
  return interpolateTree(parse(composeText, { merge: true }), env, '') as { services: Record<string, Service> } & Yaml;
}

// --- .env.example -----------------------------------------------------------------------------

interface ExampleVariable {
  name: string;
  value: string;
  comment: string;
}

function envExample(): ExampleVariable[] {
  const variables: ExampleVariable[] = [];
  let comment: string[] = [];
  for (const line of envExampleText.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('#')) comment.push(trimmed.slice(1).trim());
    else if (trimmed === '') comment = [];
    else {
      const eq = trimmed.indexOf('=');
      variables.push({ name: trimmed.slice(0, eq), value: trimmed.slice(eq + 1), comment: comment.join(' ') });
      comment = [];
    }
  }
  return variables;
}

/** Every variable of .env.example, the secrets filled in with values of the right form. */
function filledEnv(): Record<string, string> {
  return Object.fromEntries(
    envExample().map((v) => [v.name, SECRETS.includes(v.name) ? randomBytes(32).toString('hex') : v.value]),
  );
}

function environmentOf(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((e) => {
        const eq = e.indexOf('=');
        return eq < 0 ? [e, ''] : [e.slice(0, eq), e.slice(eq + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

function dependencies(service: Service): Record<string, { condition?: string }> {
  const deps = service.depends_on ?? {};
  return Array.isArray(deps) ? Object.fromEntries(deps.map((d) => [d, {}])) : deps;
}

// --- the Dockerfile ---------------------------------------------------------------------------

interface Stage {
  name: string;
  from: string;
  instructions: { keyword: string; args: string }[];
}

function dockerfileStages(): Stage[] {
  const logical = dockerfileText
    .split('\n')
    .filter((l) => !l.trim().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const args = new Map<string, string>();
  const stages: Stage[] = [];
  for (const line of logical) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const argsText = rest.join(' ');
    const upper = keyword.toUpperCase();
    if (upper === 'ARG' && stages.length === 0) {
      const [name = '', value = ''] = argsText.split('=');
      args.set(name, value);
    } else if (upper === 'FROM') {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(argsText);
      if (!m) throw new Error(`cannot read ${line}`);
      const from = (m[1] as string).replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a, b) => args.get(a ?? b) ?? '');
      stages.push({ name: m[2] ?? String(stages.length), from, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ keyword: upper, args: argsText });
    }
  }
  return stages;
}

/** A stage and the stages it is built on, nearest first. */
function lineage(stages: Stage[], name: string): Stage[] {
  const chain: Stage[] = [];
  let stage = stages.find((s) => s.name === name);
  while (stage) {
    chain.push(stage);
    const from = stage.from;
    stage = stages.find((s) => s.name === from);
  }
  return chain;
}

/** An exact version: `name:1.2`, `name:1.2.3`, optionally `-variant`, optionally `@sha256:…`. */
const PINNED = /^[a-z0-9][a-z0-9._/-]*:\d+\.\d+(\.\d+)?(-[a-z0-9][a-z0-9._-]*)?(@sha256:[0-9a-f]{64})?$/;

// --- the checks -------------------------------------------------------------------------------

describe('infra/compose.yaml', () => {
  const compose = render(filledEnv());
  const services = compose.services;
  const names = Object.keys(services);

  it('runs the PostgreSQL primary and standby, the gateway and the projector by default', () => {
    const byDefault = names.filter((n) => !services[n]?.profiles?.length);
    expect(byDefault.sort()).toEqual(['gateway', 'postgres-primary', 'postgres-standby', 'projector']);
  });

  it('gives every service a health check and a restart policy', () => {
    for (const name of names) {
      const service = services[name] as Service;
      expect(service.healthcheck?.disable, name).not.toBe(true);
      const test = service.healthcheck?.test;
      expect(Array.isArray(test) ? test.length > 1 && test[0] !== 'NONE' : Boolean(test), `${name} healthcheck`).toBe(
        true,
      );
      expect(['unless-stopped', 'always'], `${name} restart`).toContain(service.restart);
    }
  });

  it('pins every image to an exact version, never `latest`', () => {
    for (const name of names) {
      const service = services[name] as Service;
      expect(service.image, `${name} image`).toBeDefined();
      expect(service.image, name).toMatch(PINNED);
      expect(service.image, name).not.toMatch(/:latest\b/);
    }
    for (const stage of dockerfileStages()) {
      if (!dockerfileStages().some((s) => s.name === stage.from)) expect(stage.from, stage.name).toMatch(PINNED);
    }
  });

  it('starts a service only once the services it needs are healthy', () => {
    for (const name of names) {
      for (const [dependency, { condition }] of Object.entries(dependencies(services[name] as Service))) {
        expect(names, `${name} depends on ${dependency}`).toContain(dependency);
        expect(condition, `${name} → ${dependency}`).toBe('service_healthy');
      }
    }
    expect(Object.keys(dependencies(services.gateway as Service))).toContain('postgres-primary');
    expect(Object.keys(dependencies(services.projector as Service))).toContain('postgres-primary');
    expect(Object.keys(dependencies(services['postgres-standby'] as Service))).toContain('postgres-primary');
  });

  it('requires every secret with a message naming it, as `docker compose config` reports', () => {
    const refs = references(composeText);
    for (const ref of refs) {
      if (ref.operator === ':?' || ref.operator === '?') {
        expect(ref.operator, ref.name).toBe(':?'); // empty counts as missing too
        expect(ref.argument, ref.name).toContain(ref.name);
        expect(ref.argument, ref.name).toContain('.env.example');
      }
    }
    for (const secret of SECRETS) {
      const uses = refs.filter((r) => r.name === secret);
      expect(uses.length, secret).toBeGreaterThan(0);
      for (const use of uses) expect(use.operator, `${secret} must be required`).toBe(':?');
    }
    // No value that looks like a secret is written into the file itself.
    expect(composeText).not.toMatch(/^\s*[A-Z_]*(PASSWORD|SECRET|_KEY):[ \t]*["']?[^"'$\s{]/m);
  });

  it('stops, naming the secret, when one is missing or empty', () => {
    for (const secret of SECRETS) {
      for (const missing of [undefined, '']) {
        const env = filledEnv();
        if (missing === undefined) delete env[secret];
        else env[secret] = missing;
        expect(() => render(env), secret).toThrowError(
          new RegExp(`required variable ${secret} is missing a value: ${secret} is required`),
        );
      }
    }
  });

  it('lists every variable it uses in .env.example, secrets empty with how to generate them', () => {
    const example = envExample();
    const exampleNames = example.map((v) => v.name);
    const used = [...new Set(references(composeText).map((r) => r.name))];
    expect(used.filter((n) => !exampleNames.includes(n))).toEqual([]);
    expect(exampleNames.filter((n) => !used.includes(n))).toEqual([]);
    for (const secret of SECRETS) {
      const variable = example.find((v) => v.name === secret);
      expect(variable, secret).toBeDefined();
      expect(variable?.value, `${secret} must be empty in the example`).toBe('');
      expect(variable?.comment, `${secret}: how to generate it`).toMatch(/openssl rand -(hex|base64) \d+/);
    }
    // The real file stays out of git.
    expect(readFileSync(join(root, '.gitignore'), 'utf8').split('\n')).toContain('.env');
  });

  it('gives the gateway and the projector their secrets and the database', () => {
    const gateway = environmentOf(services.gateway as Service);
    const projector = environmentOf(services.projector as Service);
    for (const name of [
      'DATABASE_URL',
      'AUTH_JWT_SECRET',
      'EXPORT_PSEUDONYM_KEY',
      'LOG_SIGNING_KEY',
      'ADMIN_PASSWORD',
    ]) {
      expect(gateway[name], `gateway ${name}`).toBeTruthy();
    }
    for (const name of ['DATABASE_URL', 'LOG_SIGNING_KEY']) expect(projector[name], `projector ${name}`).toBeTruthy();
    expect(gateway.LOG_SIGNING_KEY).toBe(projector.LOG_SIGNING_KEY);
    // Both servers, and the connection goes to the one that takes writes.
    for (const url of [gateway.DATABASE_URL, projector.DATABASE_URL]) {
      expect(url).toMatch(/@postgres-primary:5432,postgres-standby:5432\//);
      expect(url).toMatch(/[?&]target_session_attrs=read-write(&|$)/);
    }
  });

  it('sets everything the services require in production, and nothing they do not read', () => {
    const gateway = environmentOf(services.gateway as Service);
    const projector = environmentOf(services.projector as Service);
    const requiredBySchema = (shape: Record<string, { safeParse(v: unknown): { success: boolean } }>) =>
      Object.entries(shape)
        .filter(([, schema]) => !schema.safeParse(undefined).success)
        .map(([name]) => name);
    // server.ts refuses to start without these, and generates these into DATA_DIR when unset (a
    // container's DATA_DIR is not the place for a key; a second gateway would get another one).
    const server = readFileSync(join(root, 'services/gateway/src/server.ts'), 'utf8');
    const refused = [...server.matchAll(/if \(!config\.([A-Z_]+)\)/g)].map((m) => m[1] as string);
    const generated = [...server.matchAll(/resolve\w+\(config\.([A-Z_]+)/g)].map((m) => m[1] as string);
    expect(refused).toEqual(expect.arrayContaining(['DATABASE_URL', 'AUTH_JWT_SECRET']));
    expect(generated).toEqual(expect.arrayContaining(['EXPORT_PSEUDONYM_KEY', 'LOG_SIGNING_KEY']));
    const gatewayShape = GatewayConfig.shape as unknown as Parameters<typeof requiredBySchema>[0];
    const projectorShape = ProjectorConfig.shape as unknown as Parameters<typeof requiredBySchema>[0];
    for (const name of [...requiredBySchema(gatewayShape), ...refused, ...generated]) {
      expect(gateway[name], `gateway ${name}`).toBeTruthy();
    }
    for (const name of requiredBySchema(projectorShape)) expect(projector[name], `projector ${name}`).toBeTruthy();
    expect(requiredBySchema(projectorShape)).toContain('DATABASE_URL');
    // A misspelt variable would be dropped silently by the schemas.
    expect(Object.keys(gateway).filter((n) => !(n in gatewayShape))).toEqual([]);
    expect(Object.keys(projector).filter((n) => !(n in projectorShape))).toEqual([]);
    // And the rendered environments pass the services' own validation.
    const config = loadConfig(gateway);
    expect(config.RUN_PROJECTOR).toBe(false);
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.WEB_ROOT).toBe('/app/services/web/dist');
    expect(ProjectorConfig.safeParse(projector).success).toBe(true);
  });

  it('runs the projections and checkpoints in the projector, publishing them to a volume', () => {
    const projector = services.projector as Service;
    const file = environmentOf(projector).LOG_CHECKPOINT_FILE ?? '';
    expect(file).toMatch(/^\/data\//);
    expect(projector.volumes?.some((v) => v.endsWith(':/data'))).toBe(true);
  });

  it('replicates PostgreSQL to a standby bootstrapped with pg_basebackup', () => {
    const primary = services['postgres-primary'] as Service;
    const standby = services['postgres-standby'] as Service;
    expect(environmentOf(primary).POSTGRES_PASSWORD).toBeTruthy();
    expect(environmentOf(primary).REPLICATION_PASSWORD).toBe(environmentOf(standby).REPLICATION_PASSWORD);
    for (const service of [primary, standby]) {
      expect(service.healthcheck?.test?.toString()).toContain('pg_isready');
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0] as string;
        if (source.startsWith('.')) expect(existsSync(join(infra, source)), source).toBe(true);
      }
    }
    const init = readFileSync(join(infra, 'postgres/init-primary.sh'), 'utf8');
    expect(init).toMatch(/WITH REPLICATION LOGIN/);
    expect(init).toMatch(/pg_create_physical_replication_slot/);
    expect(init).toMatch(/host replication/);
    const entrypoint = readFileSync(join(infra, 'postgres/standby-entrypoint.sh'), 'utf8');
    expect(entrypoint).toMatch(/pg_basebackup[\s\S]*--write-recovery-conf/);
    expect(entrypoint).toMatch(/exec docker-entrypoint\.sh/);
  });

  it('keeps EventStoreDB behind the eventstoredb profile', () => {
    const esdb = names.filter((n) => /eventstore/.test(services[n]?.image ?? ''));
    expect(esdb).toEqual(['eventstoredb']);
    expect(services.eventstoredb?.profiles).toEqual(['eventstoredb']);
    for (const name of names.filter((n) => !services[n]?.profiles?.includes('eventstoredb'))) {
      expect(Object.keys(dependencies(services[name] as Service)), name).not.toContain('eventstoredb');
      expect(JSON.stringify(services[name]), name).not.toMatch(/eventstoredb:2113/);
    }
  });
});

describe('infra/Dockerfile', () => {
  const stages = dockerfileStages();
  const compose = render(filledEnv());

  it('builds in stages, with a target for each service compose builds', () => {
    expect(stages.length).toBeGreaterThanOrEqual(4);
    for (const [name, service] of Object.entries(compose.services)) {
      if (!service.build) continue;
      expect(service.build.dockerfile).toBe('infra/Dockerfile');
      expect(
        stages.map((s) => s.name),
        name,
      ).toContain(service.build.target);
    }
  });

  it('starts from a pinned node 20 slim image', () => {
    for (const target of ['gateway', 'projector']) {
      const base = lineage(stages, target).at(-1) as Stage;
      expect(base.from, target).toMatch(/^node:20\.\d+\.\d+-bookworm-slim(@sha256:[0-9a-f]{64})?$/);
    }
  });

  it('puts production dependencies only in the final image, run by a non-root user', () => {
    for (const target of ['gateway', 'projector']) {
      const chain = lineage(stages, target);
      const instructions = chain.flatMap((s) => s.instructions);
      // Nothing installs or builds in the final image: it copies from the stages that did.
      for (const i of instructions.filter((i) => i.keyword === 'RUN')) {
        expect(i.args, target).not.toMatch(/\b(pnpm|npm|yarn|corepack)\s+(install|add|ci|fetch|i)\b/);
      }
      const copiesFrom = instructions
        .filter((i) => i.keyword === 'COPY')
        .map((i) => ({ from: /--from=(\S+)/.exec(i.args)?.[1], args: i.args }));
      for (const copy of copiesFrom) {
        expect(copy.from, `${target}: ${copy.args}`).toBeDefined();
        const source = stages.find((s) => s.name === copy.from) as Stage;
        const installs = source.instructions.filter((i) => i.keyword === 'RUN' && /pnpm install/.test(i.args));
        if (copy.args.includes('node_modules')) {
          expect(installs.length, copy.args).toBeGreaterThan(0);
          for (const install of installs) {
            expect(install.args).toMatch(/--prod\b/);
            expect(install.args).toMatch(/--frozen-lockfile\b/);
          }
        } else if (installs.some((i) => !/--prod\b/.test(i.args)) || source.from === 'deps') {
          // From a stage with dev dependencies, only the built web app.
          expect(copy.args, target).toMatch(/services\/web\/dist/);
        }
      }
      const user = instructions.find((i) => i.keyword === 'USER')?.args;
      expect(user, target).toBeDefined();
      expect(['root', '0', '0:0'], target).not.toContain(user);
      expect(instructions.some((i) => i.keyword === 'ENV' && /\bNODE_ENV=production\b/.test(i.args))).toBe(true);
      const cmd = chain[0]?.instructions.find((i) => i.keyword === 'CMD')?.args ?? '';
      expect(cmd, target).toMatch(/^\["node"/);
    }
  });

  it('runs TypeScript through tsx, a production dependency of both services', () => {
    for (const service of ['gateway', 'projector']) {
      const pkg = JSON.parse(readFileSync(join(root, 'services', service, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
      };
      const cmd = lineage(stages, service)[0]?.instructions.find((i) => i.keyword === 'CMD')?.args ?? '';
      if (cmd.includes('"tsx"')) expect(pkg.dependencies?.tsx, service).toBeDefined();
    }
  });
});
