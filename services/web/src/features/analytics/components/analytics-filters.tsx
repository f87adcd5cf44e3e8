import { Fieldset, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/ui/date-field';
import { todayInVietnam } from '../../../lib/format';
import { DEFINITIONS } from '../api/get-survival';
import type { AnalyticsParams } from '../use-analytics-params';
import { UnitPicker } from './unit-picker';

/** The scope every analysis shares: the unit, the date the figures are as of, what a relapse is. */
export function AnalyticsFilters({
  params,
  update,
}: {
  params: AnalyticsParams;
  update(changes: Record<string, string | null>): void;
}) {
  const { t } = useTranslation('analytics');
  return (
    <Fieldset legend={t('filters.legend')} variant="filled">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <UnitPicker value={params.unit} asOf={params.asOf} onChange={(code) => update({ unit: code ?? null })} />
        <DateField
          label={t('filters.asOf')}
          description={t('filters.asOfHint')}
          value={params.asOf ?? ''}
          onChange={(value) => update({ asOf: value || null })}
          maxDate={todayInVietnam()}
        />
        <Select
          label={t('filters.definition')}
          value={params.definition}
          allowDeselect={false}
          onChange={(v) => update({ definition: v === 'poor' ? null : v })}
          data={DEFINITIONS.map((d) => ({ value: d, label: t(`filters.definitions.${d}`) }))}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
