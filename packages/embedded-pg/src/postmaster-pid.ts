import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What a running (or crashed) server wrote in its data directory's lock file. */
export interface PostmasterPid {
  pid: number;
  /** The data directory the server was started on, as it was given. */
  dataDir: string;
  port: number;
}

export const postmasterPidFile = (dataDir: string): string => join(dataDir, 'postmaster.pid');

/**
 * postmaster.pid in PostgreSQL's documented layout: line 1 the pid, line 2 the data directory, line 4
 * the port. Undefined when there is none (the server stopped cleanly) or it is cut short (a server
 * writes it in steps while starting).
 */
export async function readPostmasterPid(dataDir: string): Promise<PostmasterPid | undefined> {
  const text = await readFile(postmasterPidFile(dataDir), 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (text === undefined) return undefined;
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { pid, dataDir: lines[1] ?? '', port: Number.isInteger(port) ? port : 0 };
}
