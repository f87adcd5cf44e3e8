import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const repoRoot = new URL('../../../../', import.meta.url).pathname;

/**
 * Writes the deterministic synthetic population of `pnpm seed` (demo communes, 2022–2026 reviews)
 * into the running server's database, found through its data folder, as the README describes.
 */
export async function seedPopulation(households: number): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR };
  delete env.DATABASE_URL;
  await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'scripts/seed.ts', '--households', String(households), '--seed', '7'],
    { cwd: repoRoot, env, maxBuffer: 16 * 1024 * 1024 },
  );
}
