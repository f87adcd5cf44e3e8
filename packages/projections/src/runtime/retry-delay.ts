/** The first wait after a transient failure; each failure in a row doubles it, up to the cap. */
export const RETRY_FIRST_MS = 100;
export const RETRY_CAP_MS = 5000;

/**
 * The wait before attempt `failures + 1`: capped doubling, with the upper half jittered so that the
 * projections (and the workers of other processes) that failed together do not retry in lockstep.
 */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_FIRST_MS * 2 ** Math.max(0, failures - 1), RETRY_CAP_MS);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
