import { RoundsScreen } from '../../features/review-rounds/components/rounds-screen';

/** /review-rounds — the review rounds of the user's communes (case workers, supervisors, auditors). */
export function Component() {
  return <RoundsScreen />;
}
