import { OpenRoundScreen } from '../../features/review-rounds/components/open-round-screen';

/** /review-rounds/new — a supervisor opens a round. */
export function Component() {
  return <OpenRoundScreen />;
}
