import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));
const FORBIDDEN =
  /from\s+['"](fastify|kysely|pg|pino)(\/[^'"]*)?['"]|from\s+['"]node:|import\(\s*['"](node:|fastify|kysely|pg|pino)|require\(/;
const IMPURE = /\bDate\.now\(|new Date\(\)|Math\.random\(|crypto\.randomUUID|process\.env/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('packages/domain/src stays pure', () => {
  const sources = files(SRC);

  it('has sources to check', () => expect(sources.length).toBeGreaterThan(20));

  it.each(sources.map((f) => [f.slice(SRC.length + 1), f]))(
    '%s imports no fastify, kysely, pg, pino or node:',
    (_, f) => {
      expect(readFileSync(f, 'utf8')).not.toMatch(FORBIDDEN);
    },
  );

  it('reads no clock, randomness or environment', () => {
    for (const f of sources) expect(readFileSync(f, 'utf8'), f).not.toMatch(IMPURE);
  });
});
