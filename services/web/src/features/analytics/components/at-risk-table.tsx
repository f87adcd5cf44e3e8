import { Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { fileSlug } from '../lib/csv';
import { type AtRiskShown, atRiskAt, showAtRisk, toDays } from '../lib/km';
import { asLanguage } from '../lib/stats-format';
import { CsvButton } from './csv-button';
import { ScrollTable } from './scroll-table';
import { SeriesSwatch } from './survival-chart';
import type { SurvivalGroup } from './survival-groups';
import { Withheld } from './withheld';

/** Households still followed at the chart's month ticks, per drawn group (withheld groups say so). */
export function AtRiskTable({
  groups,
  months,
  filePrefix,
}: {
  groups: readonly SurvivalGroup[];
  months: readonly number[];
  filePrefix: string;
}) {
  const { t, i18n } = useTranslation('analytics');
  const { t: tc } = useTranslation();
  const language = asLanguage(i18n.language);
  const withheld = tc('states.suppressed');
  const days = months.map(toDays);
  const rows = groups.map((g) => ({ group: g, values: g.curve ? atRiskAt(g.curve, days).map(showAtRisk) : null }));
  const hidden = rows.filter((r) => r.values === null).length;
  const approximate = rows.some((r) => r.values?.some((v) => v.kind === 'range' || v.kind === 'atMost'));
  const text = (v: AtRiskShown): string => {
    switch (v.kind) {
      case 'exact':
        return formatNumber(v.value, language);
      case 'withheld':
        return withheld;
      case 'range':
        return `${formatNumber(v.low, language)}–${formatNumber(v.high, language)}`;
      case 'atMost':
        return `≤ ${formatNumber(v.high, language)}`;
    }
  };
  const caption = t('survival.atRisk.caption');
  const header = [t('survival.atRisk.group'), ...months.map((m) => t('survival.atRisk.month', { value: m }))];
  return (
    <Stack gap="xs">
      <ScrollTable label={caption} minWidth={Math.max(360, 140 + months.length * 72)}>
        <Table verticalSpacing={4} captionSide="top" striped>
          <Table.Caption ta="left" fw={600}>
            {caption}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {header.map((h, i) => (
                <Table.Th key={h} scope="col" ta={i === 0 ? undefined : 'right'}>
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ group, values }) =>
              values === null ? null : (
                <Table.Tr key={group.key}>
                  <Table.Th scope="row" fw={500}>
                    <Group gap={6} wrap="nowrap">
                      <SeriesSwatch colour={group.colour} dash={group.dash} />
                      <Text size="sm" span>
                        {group.label}
                      </Text>
                    </Group>
                  </Table.Th>
                  {values.map((v, i) => (
                    <Table.Td key={months[i]} ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {v.kind === 'withheld' ? <Withheld size="xs" /> : text(v)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ),
            )}
            {hidden > 0 && (
              <Table.Tr>
                <Table.Th scope="row" fw={500}>
                  {t('survival.atRisk.hiddenGroups', { count: hidden })}
                </Table.Th>
                <Table.Td colSpan={months.length}>
                  <Withheld />
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {approximate && (
        <Text size="xs" c="dimmed">
          {t('survival.atRisk.rangeNote')}
        </Text>
      )}
      <Group justify="flex-end">
        <CsvButton
          name={caption}
          filename={`${filePrefix}-${fileSlug(caption)}.csv`}
          build={() => ({
            header,
            rows: rows.map(({ group, values }) => [
              group.label,
              ...(values === null
                ? months.map(() => withheld)
                : values.map((v) => (v.kind === 'exact' ? v.value : text(v)))),
            ]),
          })}
        />
      </Group>
    </Stack>
  );
}
