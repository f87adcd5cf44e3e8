import { Alert, Loader } from '@mantine/core';
import { type ComponentType, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useHousehold } from '../../features/households/api/get-household';
import type { HouseholdEntryProps } from '../../features/households/entry-props';
import { type Role, useUser } from '../../lib/auth';
import { problemMessage } from '../../lib/problem';

const named = <K extends string>(load: () => Promise<Record<K, ComponentType<HouseholdEntryProps>>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

/** Each action's screen (loaded when opened) and who may open it. */
const SCREENS: Record<string, { roles: readonly Role[]; Screen: ComponentType<HouseholdEntryProps> }> = {
  review: {
    roles: ['case_worker', 'supervisor'],
    Screen: named(() => import('../../features/reviews/components/review-entry'), 'ReviewEntry'),
  },
  audit: {
    roles: ['auditor', 'supervisor'],
    Screen: named(() => import('../../features/audit/components/audit-entry'), 'AuditEntry'),
  },
  support: {
    roles: ['case_worker', 'supervisor'],
    Screen: named(() => import('../../features/support/components/support-entry'), 'SupportEntry'),
  },
  note: {
    roles: ['case_worker', 'supervisor'],
    Screen: named(() => import('../../features/notes/components/note-entry'), 'NoteEntry'),
  },
  member: {
    roles: ['case_worker', 'supervisor'],
    Screen: named(() => import('../../features/members/components/member-entry'), 'MemberEntry'),
  },
  move: {
    roles: ['case_worker', 'supervisor'],
    Screen: named(() => import('../../features/moves/components/move-entry'), 'MoveEntry'),
  },
  correction: {
    roles: ['supervisor'],
    Screen: named(() => import('../../features/corrections/components/correction-entry'), 'CorrectionEntry'),
  },
  flag: {
    roles: ['supervisor'],
    Screen: named(() => import('../../features/flags/components/flag-entry'), 'FlagEntry'),
  },
  closure: {
    roles: ['supervisor'],
    Screen: named(() => import('../../features/closure/components/closure-entry'), 'ClosureEntry'),
  },
  erasure: {
    roles: ['supervisor', 'admin'],
    Screen: named(() => import('../../features/erasure/components/erasure-entry'), 'ErasureEntry'),
  },
};

/** /households/:id/:action — the screen of one action on a household. */
export function Component() {
  const { id = '', action = '' } = useParams();
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const household = useHousehold(id);
  const screen = SCREENS[action];
  if (!screen) return <Alert color="gray">{t('states.notFound')}</Alert>;
  if (!screen.roles.includes(user.role))
    return <Alert color="orange">{t('notAllowed', { role: t(`roles.${user.role}`) })}</Alert>;
  if (household.isPending) return <Loader aria-label={t('states.loading')} />;
  if (household.isError) return <Alert color="red">{problemMessage(household.error, t('states.error'))}</Alert>;
  const { Screen } = screen;
  return (
    <Suspense fallback={<Loader aria-label={t('states.loading')} />}>
      <Screen household={household.data} onDone={() => navigate(`/households/${id}`)} />
    </Suspense>
  );
}
