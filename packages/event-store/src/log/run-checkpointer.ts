import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { publishedLine } from '@benvung/log-proof';
import type { PostgresEventStore } from '../postgres/postgres-event-store.js';
import { LogCheckpointer } from './checkpointer.js';
import type { LogSigningKey } from './signing-key.js';

/** The two levels used, as pino (and most loggers) name them. */
interface CheckpointLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/**
 * Runs the log's checkpointer and publishes each signed checkpoint outside the database: a line in
 * the log output an operator can paste anywhere, and the same line appended to `file`. A rewrite of
 * history then has to match a line the database never held.
 */
export function startCheckpointer(options: {
  store: PostgresEventStore;
  key: LogSigningKey;
  logger: CheckpointLogger;
  everyEvents?: number;
  intervalSeconds?: number;
  file?: string;
}): LogCheckpointer {
  const { store, key, logger, file } = options;
  const checkpointer = new LogCheckpointer({
    store,
    pool: store.pool,
    secretKey: key.secretKey,
    ...(options.everyEvents ? { everyEvents: options.everyEvents } : {}),
    ...(options.intervalSeconds ? { intervalMs: options.intervalSeconds * 1000 } : {}),
    onCheckpoint: async (checkpoint) => {
      const line = publishedLine(checkpoint);
      logger.info({ treeSize: checkpoint.treeSize, keyId: checkpoint.keyId }, `log checkpoint signed: ${line}`);
      if (file) {
        await mkdir(dirname(file), { recursive: true });
        await appendFile(file, `${line}\n`, { mode: 0o644 });
      }
    },
    onError: (err) => logger.warn({ err }, 'log checkpoints: extending the tree failed; retrying'),
  });
  checkpointer.start();
  return checkpointer;
}
