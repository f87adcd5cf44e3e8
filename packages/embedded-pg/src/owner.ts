import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Next to the cluster: the pid of the process that started the server last. */
const ownerFileOf = (dir: string): string => join(dir, 'pg-owner.pid');

export async function writeOwner(dir: string, pid: number): Promise<void> {
  await writeFile(ownerFileOf(dir), `${pid}\n`);
}

export async function readOwner(dir: string): Promise<number | undefined> {
  const text = await readFile(ownerFileOf(dir), 'utf8').catch(() => undefined);
  const pid = Number(text?.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}
