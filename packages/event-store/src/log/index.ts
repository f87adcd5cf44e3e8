export { LogCheckpointer, type LogCheckpointerOptions } from './checkpointer.js';
export { LogProofs, type ProofAnswer } from './proofs.js';
export { startCheckpointer } from './run-checkpointer.js';
export {
  type LogSigningKey,
  parseSigningKey,
  resolveLogSigningKey,
  signingKeyFile,
  signingKeyFrom,
} from './signing-key.js';
export { LogTreeDamaged, TILE_SIZE } from './tree-tables.js';
export { type LogProblem, type LogVerification, type VerifyLogOptions, verifyLog } from './verify-log.js';
