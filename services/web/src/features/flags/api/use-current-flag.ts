import { decodeHouseholdEnvelope, replay } from '@benvung/domain';
import { useMemo } from 'react';
import { useHistory } from '../../households/api/get-history';

/**
 * The household's unable-to-escape flag as its history stands (voids and amendments applied by the
 * domain's own replay): null when not flagged, undefined while the history loads or cannot be read.
 */
export function useCurrentFlag(householdId: string) {
  const history = useHistory(householdId);
  const flag = useMemo(() => {
    if (!history.data) return undefined;
    try {
      const state = replay(history.data.events.map(decodeHouseholdEnvelope));
      return state.status === 'unregistered' ? null : state.unableToEscape;
    } catch {
      return undefined;
    }
  }, [history.data]);
  return { flag, isPending: history.isPending };
}
