import { ConfigurationScreen } from '../../features/admin/components/configuration-screen';

/** /admin/configuration — a read-only overview of health, rules and unit lists. */
export function Component() {
  return <ConfigurationScreen />;
}
