import { z } from 'zod';

export const ProjectorConfig = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// connection string'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PROJECTOR_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  /**
   * The Ed25519 key that signs checkpoints of the log (as the gateway's). Unset, this worker leaves
   * the log's tree to the gateway; set, it builds the tree and signs (either may: they take turns).
   */
  LOG_SIGNING_KEY: z
    .string()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9_-]{43})$/)
    .optional(),
  LOG_CHECKPOINT_EVERY_EVENTS: z.coerce.number().int().min(1).max(10_000_000).default(10_000),
  LOG_CHECKPOINT_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3600)
    .default(300),
  LOG_CHECKPOINT_FILE: z.string().min(1).optional(),
  /** Also the demo units (as the gateway's DEMO_UNITS): both must read units from the same registry. */
  DEMO_UNITS: z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default('false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes'),
});
export type ProjectorConfig = z.infer<typeof ProjectorConfig>;

export function loadProjectorConfig(env: NodeJS.ProcessEnv = process.env): ProjectorConfig {
  const result = ProjectorConfig.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
