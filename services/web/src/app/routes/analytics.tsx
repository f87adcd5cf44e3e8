import { AnalyticsPage } from '../../features/analytics/components/analytics-page';

/** /analytics: relapse survival, transitions, flows by year and cohorts, for analysts. */
export function Component() {
  return <AnalyticsPage />;
}
