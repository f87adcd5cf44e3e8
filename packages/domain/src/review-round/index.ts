/*
 * Review rounds (đợt rà soát): a commune's periodic or regular review of its households, step by step
 * — surveys proposed, village meetings, public posting, complaints, the chair's decision — in a stream
 * of its own. Only the decision makes the proposals effective, as a review in each household's stream.
 */

export { classified, classifyRoundResult } from './classify-result.js';
export { decodeRoundEvent, type EncodedRoundEvent, encodeRoundEvent, isRoundEventType } from './codec.js';
export * from './commands.js';
export { campaignWindow } from './decide/open.js';
export { decideRound } from './decide.js';
export { reviewOfDecision } from './decided-review.js';
export { reviewRoundDecider } from './decider.js';
export * from './events.js';
export { evolveRound, replayRound } from './evolve.js';
export {
  type HouseholdProgress,
  type RoundProgress,
  type RoundStage,
  roundProgress,
  roundStage,
  type VillageProgress,
} from './progress.js';
export * from './state.js';
export * from './values.js';
