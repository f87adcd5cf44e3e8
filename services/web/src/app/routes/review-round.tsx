import { useParams } from 'react-router';
import { RoundScreen } from '../../features/review-rounds/components/round-screen';

/** /review-rounds/:id — a round's progress per village and household, its steps, what comes next. */
export function Component() {
  const { id = '' } = useParams();
  return <RoundScreen roundId={id} />;
}
