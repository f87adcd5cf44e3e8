/**
 * pnpm does not pass SIGTERM on to the script it runs: a supervisor that stops `pnpm start` would
 * leave the server (and its embedded PostgreSQL) running. The start script is exec'd in place of the
 * shell, so when pnpm goes away we are re-parented; we notice and shut down as on SIGTERM.
 */
export function onParentExit(callback: () => void, intervalMs = 200): () => void {
  const original = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== original) {
      clearInterval(timer);
      callback();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
