import { ImportsScreen } from '../../features/imports/components/imports-screen';

/** /imports — upload a household list, follow it, read its problems (case workers and supervisors). */
export function Component() {
  return <ImportsScreen />;
}
