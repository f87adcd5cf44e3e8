import { Alert, Loader, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { HouseholdEntryProps } from '../../households/entry-props';
import { useSubmitEntry } from '../../offline/use-submit-entry';
import { useMembers } from '../api/get-members';
import { memberChanges } from '../member-changes';
import { MemberForm } from './member-form';
import { MemberRemovalForm } from './member-removal-form';

/**
 * Adds a member (/member), changes one (/member?change=<id>) or takes one off the list
 * (/member?remove=<id>); the members tab links to the last two.
 */
export function MemberEntry({ household, onDone }: HouseholdEntryProps) {
  const { t } = useTranslation('members');
  const { t: tc } = useTranslation();
  const [params] = useSearchParams();
  const changing = params.get('change');
  const removing = params.get('remove');
  const memberId = changing ?? removing;
  const id = household.householdId;
  const { submit, error } = useSubmitEntry(id);
  const [key] = useState(() => crypto.randomUUID());
  const members = useMembers(id);
  const [nothingChanged, setNothingChanged] = useState(false);
  const send = async (path: string, body: unknown, method?: 'PATCH') => {
    const done = await submit({ kind: 'member', key, path, body, ifMatch: household.version, method });
    if (done) onDone();
    return done;
  };
  const title = removing ? t('removeTitle') : changing ? t('changeTitle') : t('addTitle');
  let content: React.ReactNode;
  if (!memberId) {
    content = (
      <MemberForm
        draftKey={`member.${id}`}
        error={error}
        onCancel={onDone}
        onSubmit={({ person, facts, reason, occurredAt }) =>
          send(`/v1/households/${id}/members`, { person, facts, reason, occurredAt })
        }
      />
    );
  } else if (members.isPending) {
    content = <Loader aria-label={tc('states.loading')} />;
  } else {
    const member = members.data?.members.find((m) => m.memberId === memberId);
    if (!member) {
      content = <Alert color="orange">{members.isError ? tc('states.error') : t('notFound')}</Alert>;
    } else if (removing) {
      content = (
        <MemberRemovalForm
          name={member.fullName}
          draftKey={`member-removal.${id}.${memberId}`}
          error={error}
          onCancel={onDone}
          onSubmit={(body) => send(`/v1/households/${id}/members/${memberId}/removal`, body)}
        />
      );
    } else {
      content = (
        <MemberForm
          member={member}
          draftKey={`member.${id}.${memberId}`}
          error={nothingChanged ? t('nothingChanged') : error}
          onCancel={onDone}
          onSubmit={async (values) => {
            const changes = memberChanges(member, values);
            setNothingChanged(!changes);
            if (!changes) return false;
            return send(
              `/v1/households/${id}/members/${memberId}`,
              { ...changes, occurredAt: values.occurredAt },
              'PATCH',
            );
          }}
        />
      );
    }
  }
  return (
    <Stack maw={760}>
      <Title order={2}>
        {title}: {household.headName}
      </Title>
      <Paper withBorder p="md">
        {content}
      </Paper>
    </Stack>
  );
}
