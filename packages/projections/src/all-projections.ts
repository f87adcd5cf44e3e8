import { householdStatusProjection } from './household-status/household-status-projection.js';
import { reviewHistoryProjection } from './review-history/review-history-projection.js';
import type { Projection } from './runtime/projection.js';

/** Every read model benvung maintains, in the order a rebuild applies them. */
export const allProjections: readonly Projection[] = [householdStatusProjection, reviewHistoryProjection];
