import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { todayInVietnam } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem';
import { useRulesInForce } from '../api/get-rules-in-force';
import { ListYearRulesTable } from './list-year-rules-table';
import { LoanProgrammesTable } from './loan-programmes-table';
import { ProgrammesTable } from './programmes-table';
import { StandardsTable } from './standards-table';

/** The rules in force today (GET /v1/rules), as forms and decisions read them. */
export function RulesInForce() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const rules = useRulesInForce(todayInVietnam());
  if (rules.isPending) return <Loader aria-label={tc('states.loading')} />;
  if (rules.isError) {
    return (
      <Alert color="red" role="alert" title={tc('states.error')}>
        {problemMessage(rules.error, tc('states.error'))}
      </Alert>
    );
  }
  const r = rules.data;
  return (
    <Stack gap="md">
      <Text size="sm">{t('configuration.appliedVersions', { versions: r.versions.join(', ') })}</Text>
      <StandardsTable standards={r.standards} />
      <ListYearRulesTable rules={r.listYearRules} />
      {r.loanProgrammes.length > 0 && <LoanProgrammesTable rules={r} />}
      {r.programmes.length > 0 && <ProgrammesTable rules={r} />}
    </Stack>
  );
}
