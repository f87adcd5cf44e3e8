import { UnitListsScreen } from '../../features/admin/components/unit-lists-screen';

/** /admin/units — the unit lists loaded, and loading a newer one. */
export function Component() {
  return <UnitListsScreen />;
}
