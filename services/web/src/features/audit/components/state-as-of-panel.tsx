import { Alert, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/ui/date-field';
import { todayInVietnam } from '../../../lib/format';
import { ApiProblem, problemMessage } from '../../../lib/problem';
import { useStateAsOf } from '../api/get-state-as-of';
import { StateFacts } from './state-facts';

/** "Trạng thái tại ngày": pick a date, see the household replayed to the end of that day. */
export function StateAsOfPanel({ householdId }: { householdId: string }) {
  const { t } = useTranslation('audit');
  const { t: tc } = useTranslation();
  const [asOf, setAsOf] = useState('');
  const replay = useStateAsOf(householdId, asOf);
  const notYet = replay.error instanceof ApiProblem && replay.error.code === 'NO_STATE_AT_THAT_POINT';
  return (
    <Stack gap="sm">
      <Text size="sm">{t('asOf.intro')}</Text>
      <div style={{ maxWidth: 240 }}>
        <DateField label={t('asOf.date')} value={asOf} onChange={setAsOf} maxDate={todayInVietnam()} />
      </div>
      <div aria-live="polite">
        {!asOf && <Text c="dimmed">{t('asOf.pick')}</Text>}
        {asOf && replay.isFetching && <Loader aria-label={tc('states.loading')} />}
        {asOf && !replay.isFetching && notYet && <Alert color="gray">{t('asOf.notRegistered')}</Alert>}
        {asOf && !replay.isFetching && replay.isError && !notYet && (
          <Alert color="red" role="alert" title={tc('states.error')}>
            {problemMessage(replay.error, tc('states.error'))}
          </Alert>
        )}
        {asOf && !replay.isFetching && replay.data && (
          <Paper withBorder p="md">
            <Title order={3} size="h5" mb="sm">
              {t('asOf.replayed', { version: replay.data.version })}
            </Title>
            <StateFacts state={replay.data.state} />
          </Paper>
        )}
      </div>
    </Stack>
  );
}
