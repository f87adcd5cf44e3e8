import { Alert, Button, Group, Loader, Paper, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useHousehold } from '../../features/households/api/get-household';
import { HouseholdSummary } from '../../features/households/components/household-summary';
import { MemberList } from '../../features/households/components/member-list';
import { HouseholdTimeline } from '../../features/households/components/timeline';
import { PendingEntries } from '../../features/offline/pending-entries';
import { useMyCommunes } from '../../features/units';
import { type Role, useUser } from '../../lib/auth';
import { problemMessage } from '../../lib/problem';

type Action =
  | 'review'
  | 'support'
  | 'note'
  | 'member'
  | 'move'
  | 'correction'
  | 'flag'
  | 'closure'
  | 'erasure'
  | 'audit';
const ACTIONS: Array<{ action: Action; roles: readonly Role[] }> = [
  { action: 'review', roles: ['case_worker', 'supervisor'] },
  { action: 'support', roles: ['case_worker', 'supervisor'] },
  { action: 'note', roles: ['case_worker', 'supervisor'] },
  { action: 'member', roles: ['case_worker', 'supervisor'] },
  { action: 'move', roles: ['case_worker', 'supervisor'] },
  { action: 'correction', roles: ['supervisor'] },
  { action: 'flag', roles: ['supervisor'] },
  { action: 'closure', roles: ['supervisor'] },
  { action: 'erasure', roles: ['supervisor', 'admin'] },
  { action: 'audit', roles: ['auditor', 'supervisor'] },
];

/** A household: status, what waits on this device, its timeline and members, the role's actions. */
export function Component() {
  const { id = '' } = useParams();
  const { t } = useTranslation('households');
  const { t: tc } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const household = useHousehold(id);
  const communes = useMyCommunes();
  if (household.isPending) return <Loader aria-label={tc('states.loading')} />;
  if (household.isError) {
    return (
      <Alert color="red" role="alert" title={tc('states.error')}>
        {problemMessage(household.error, tc('states.error'))}
      </Alert>
    );
  }
  const h = household.data;
  const unitName = communes.data?.find((c) => c.code === h.unitCode)?.name;
  const actions = ACTIONS.filter((a) => a.roles.includes(user.role));
  return (
    <Stack>
      <HouseholdSummary household={h} unitName={unitName} />
      <PendingEntries
        householdId={id}
        current={{ version: h.version, summary: { classification: h.classification, memberCount: h.memberCount } }}
      />
      {actions.length > 0 && (
        <Paper withBorder p="sm">
          <Title order={3} size="h5" mb="xs">
            {t('household.actions.title')}
          </Title>
          <Group gap="xs">
            {actions.map(({ action }) => (
              <Button
                key={action}
                variant={action === 'review' ? 'filled' : 'light'}
                onClick={() => navigate(`/households/${id}/${action}`)}
              >
                {t(`household.actions.${action}`)}
              </Button>
            ))}
          </Group>
        </Paper>
      )}
      {/* An admin opens a household only to erase its personal data: its history and members are not theirs. */}
      {user.role !== 'admin' && (
        <Tabs defaultValue="timeline">
          <Tabs.List>
            <Tabs.Tab value="timeline">{t('household.tabs.timeline')}</Tabs.Tab>
            <Tabs.Tab value="members">{t('household.tabs.members')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="timeline" pt="md">
            <HouseholdTimeline householdId={id} />
          </Tabs.Panel>
          <Tabs.Panel value="members" pt="md">
            <MemberList householdId={id} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
