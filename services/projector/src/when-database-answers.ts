import { isTransientDatabaseError } from '@benvung/event-store';
import { retryDelayMs } from '@benvung/projections';
import type { Logger } from 'pino';

/**
 * Runs `work` (the start's migrations) until it gets past the database being away: a worker started
 * while the database starts or restarts waits for it, as its projections do once running, instead of
 * exiting and leaving the restart to a supervisor. Any other failure is thrown at once.
 */
export async function whenDatabaseAnswers<T>(work: () => Promise<T>, logger: Logger): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (!isTransientDatabaseError(err)) throw err;
      const delayMs = retryDelayMs(attempt);
      logger.warn({ err, attempt, delayMs }, 'database unavailable at start; retrying');
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
