import { useParams } from 'react-router';
import { RoundStep } from '../../features/review-rounds/components/round-step';

/**
 * /review-rounds/:id/:step (survey, meeting, posting, complaints, decision) and
 * /review-rounds/:id/survey/:householdId — a step of a round; each checks its own roles.
 */
export function Component() {
  const { id = '', step = 'survey', householdId } = useParams();
  return <RoundStep roundId={id} step={step} {...(householdId ? { householdId } : {})} />;
}
