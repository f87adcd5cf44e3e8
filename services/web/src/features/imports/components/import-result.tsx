import { Alert, Loader, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../lib/problem';
import { useImport } from '../api/get-import';
import { ImportProblems } from './import-problems';
import { ImportProgress } from './import-progress';
import { ImportSummary } from './import-summary';

/** One import followed to its end: progress while it runs, then its counts and problems. */
export function ImportResult({ importId }: { importId: string }) {
  const { t } = useTranslation('imports');
  const { t: tc } = useTranslation();
  const item = useImport(importId);
  if (item.isPending) return <Loader aria-label={tc('states.loading')} />;
  if (item.isError) {
    return (
      <Alert color="red" role="alert" title={tc('states.error')}>
        {problemMessage(item.error, tc('states.error'))}
      </Alert>
    );
  }
  const data = item.data;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section">
      <Stack gap="md">
        <ImportProgress item={data} />
        {data.status === 'done' && data.summary && (
          <>
            <Title order={3} size="h4">
              {t('summary.title')}
            </Title>
            <ImportSummary summary={data.summary} />
            <Title order={3} size="h4">
              {t('problems.title')}
            </Title>
            <ImportProblems
              importId={data.id}
              problems={data.problems}
              rowsWithProblems={data.summary.rowsWithProblems}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
