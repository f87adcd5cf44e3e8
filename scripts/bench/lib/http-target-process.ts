import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface HttpTarget {
  /** The real gateway's base URL. */
  gateway: string;
  /** A bare Fastify route's base URL (the baseline). */
  baseline: string;
  stop(): Promise<void>;
}

/**
 * Starts http-target.ts in a process of its own (so the load generator does not share its event
 * loop) on `databaseUrl`, and waits for the line with its addresses.
 */
export async function startHttpTarget(databaseUrl: string, jwtSecret: string): Promise<HttpTarget> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./http-target.ts', import.meta.url).pathname],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_JWT_SECRET: jwtSecret },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const stop = async () => {
    // The server may have died already (then 'exit' has fired).
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  };
  try {
    // Log lines (warnings) may come first: the addresses are the line that has them.
    const { gateway, baseline } = await new Promise<{ gateway: string; baseline: string }>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
      lines.on('line', (line) => {
        const parsed = (() => {
          try {
            return JSON.parse(line) as { gateway?: string; baseline?: string };
          } catch {
            return {};
          }
        })();
        if (parsed.gateway && parsed.baseline) {
          lines.close();
          resolve({ gateway: parsed.gateway, baseline: parsed.baseline });
        } else process.stderr.write(`${line}\n`);
      });
      child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    });
    return { gateway, baseline, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
