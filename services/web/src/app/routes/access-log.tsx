import { AccessLog } from '../../features/audit/components/access-log';

/** /access-log — who read which household's history (auditors and admins). */
export function Component() {
  return <AccessLog />;
}
