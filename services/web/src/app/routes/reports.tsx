import { ReportsScreen } from '../../features/reports/components/reports-screen';

/** /reports — the yearly report tables (balance, rates, breakdown, deprivations) and their downloads. */
export function Component() {
  return <ReportsScreen />;
}
