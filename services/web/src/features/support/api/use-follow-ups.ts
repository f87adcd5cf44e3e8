import { decodeHouseholdEnvelope, type LoanState, replay, type TrainingState } from '@benvung/domain';
import { useMemo } from 'react';
import { useHistory } from '../../households/api/get-history';

/**
 * The household's loans still owing and trainings in progress, as its history stands (voids and
 * amendments applied by the domain's replay): what a repayment, overdue, write-off, completion or
 * drop-out can refer to.
 */
export function useFollowUps(householdId: string) {
  const history = useHistory(householdId);
  const followUps = useMemo(() => {
    if (!history.data) return undefined;
    try {
      const state = replay(history.data.events.map(decodeHouseholdEnvelope));
      if (state.status === 'unregistered') return { loans: [], trainings: [] };
      return {
        loans: Object.values(state.loans).filter((l) => l.status === 'active' || l.status === 'overdue'),
        trainings: Object.values(state.trainings).filter((t) => t.status === 'enrolled'),
      };
    } catch {
      return undefined;
    }
  }, [history.data]);
  return { followUps, isPending: history.isPending } as {
    followUps: { loans: LoanState[]; trainings: TrainingState[] } | undefined;
    isPending: boolean;
  };
}
