import type { HouseholdState } from '@benvung/domain';

/**
 * The household state as the API shows it: the facts an auditor replays, without the event log
 * (which carries names and note texts) and without the free-text flag reason.
 */
export function stateView(state: HouseholdState): Record<string, unknown> {
  if (state.status === 'unregistered') return { status: 'unregistered' };
  const { log: _log, unableToEscape, ...facts } = state;
  return {
    ...facts,
    unableToEscape: unableToEscape ? { basis: unableToEscape.basis, since: unableToEscape.since } : null,
  };
}
