import { UsersScreen } from '../../features/admin/components/users-screen';

/** /admin/users — accounts: create, change role and units, disable, reset password. */
export function Component() {
  return <UsersScreen />;
}
