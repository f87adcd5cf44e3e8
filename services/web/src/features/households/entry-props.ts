import type { HouseholdStatus } from './components/household-summary';

/** What every household action screen gets: the household as last read, and how to leave. */
export interface HouseholdEntryProps {
  household: HouseholdStatus;
  /** Back to the household's page (after saving, or to cancel). */
  onDone(): void;
}
