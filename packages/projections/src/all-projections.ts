import type { UnitRegistry } from '@benvung/domain';
import {
  createHouseholdProjection,
  householdStatusProjection,
} from './household-status/household-status-projection.js';
import { lateChangesProjection } from './late-changes/late-changes-projection.js';
import { reviewHistoryProjection } from './review-history/review-history-projection.js';
import type { Projection } from './runtime/projection.js';
import { unitFiguresProjection } from './unit-figures/unit-figures-projection.js';

/** Every read model benvung maintains, in the order a rebuild applies them (on the shipped registry). */
export const allProjections: readonly Projection[] = [
  householdStatusProjection,
  reviewHistoryProjection,
  unitFiguresProjection,
  lateChangesProjection,
];

/** The same on a service's registry (the national lists): units and provinces are read from it. */
export const createAllProjections = (units: UnitRegistry): readonly Projection[] => [
  createHouseholdProjection({ units }),
  reviewHistoryProjection,
  unitFiguresProjection,
  lateChangesProjection,
];
