/**
 * `pnpm bench <name>` runs `scripts/bench/<name>.ts` in this process; without a known name it lists
 * the benchmarks there are. Each benchmark prints a table and, as its last line, one JSON object.
 */
import { readdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const here = new URL('.', import.meta.url);

async function available(): Promise<string[]> {
  const files = await readdir(here, { withFileTypes: true });
  return files
    .filter((f) => f.isFile() && f.name.endsWith('.ts') && f.name !== 'index.ts' && !f.name.endsWith('.test.ts'))
    .map((f) => f.name.slice(0, -'.ts'.length))
    .sort();
}

const name = process.argv[2];
const names = await available();
if (!name || !names.includes(name)) {
  if (name) console.error(`no benchmark named "${name}"`);
  console.error(`usage: pnpm bench <name>\navailable: ${names.join(', ')}`);
  process.exit(name ? 1 : 0);
}
// The benchmark module runs on import (each has its own main).
await import(pathToFileURL(new URL(`${name}.ts`, here).pathname).href);
