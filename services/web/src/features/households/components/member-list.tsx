import { Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useUser } from '../../../lib/auth';
import { useMembers } from '../api/get-members';

/** Who may change or remove a listed member. */
const EDITORS = new Set(['case_worker', 'supervisor']);

/** The household's listed members (name and ID number are personal: shown to its case workers only). */
export function MemberList({ householdId }: { householdId: string }) {
  const { t } = useTranslation('households');
  const { t: tc } = useTranslation();
  const { t: tm } = useTranslation('members');
  const navigate = useNavigate();
  const canEdit = EDITORS.has(useUser().role);
  const members = useMembers(householdId);
  const relationshipOf = ({ relationship }: { relationship?: string }) =>
    relationship ? tm(`relationships.${relationship}` as 'relationships.head', { defaultValue: relationship }) : '—';
  if (members.isPending) return <Text c="dimmed">{tc('states.loading')}</Text>;
  if (members.isError) return <Text c="red">{tc('states.error')}</Text>;
  if (members.data.members.length === 0) return <Text c="dimmed">{t('members.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('members.name')}</Table.Th>
            <Table.Th scope="col">{t('members.relationship')}</Table.Th>
            <Table.Th scope="col">{t('members.birthYear')}</Table.Th>
            <Table.Th scope="col">{t('members.nationalId')}</Table.Th>
            {canEdit && <Table.Th scope="col">{tm('list.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.data.members.map((m) => (
            <Table.Tr key={m.memberId}>
              <Table.Td>{m.fullName}</Table.Td>
              <Table.Td>{relationshipOf(m.facts as { relationship?: string })}</Table.Td>
              <Table.Td>{String((m.facts as { birthYear?: number }).birthYear ?? '—')}</Table.Td>
              <Table.Td>{m.nationalId ?? '—'}</Table.Td>
              {canEdit && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={tm('list.changeMember', { name: m.fullName })}
                      onClick={() => navigate(`/households/${householdId}/member?change=${m.memberId}`)}
                    >
                      {tm('list.change')}
                    </Button>
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      aria-label={tm('list.removeMember', { name: m.fullName })}
                      onClick={() => navigate(`/households/${householdId}/member?remove=${m.memberId}`)}
                    >
                      {tm('list.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
