import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber, type Language } from '../../../lib/format';
import { type Classification, ClassificationBadge } from './classification-badge';

export interface HouseholdRow {
  householdId: string;
  householdCode: string | null;
  headName: string | null;
  unitCode: string;
  village: string | null;
  memberCount: number;
  classification: Classification;
  updatedAt: string;
  flags?: string[] | undefined;
}

/** The households of a page; the head's name links to the household. Scrolls sideways on a phone. */
export function HouseholdTable({ rows, unitNames }: { rows: HouseholdRow[]; unitNames: Map<string, string> }) {
  const { t, i18n } = useTranslation('households');
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('list.columns.head')}</Table.Th>
            <Table.Th scope="col">{t('list.columns.code')}</Table.Th>
            <Table.Th scope="col">{t('list.columns.unit')}</Table.Th>
            <Table.Th scope="col">{t('list.columns.village')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('list.columns.members')}
            </Table.Th>
            <Table.Th scope="col">{t('list.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('list.columns.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((h) => (
            <Table.Tr key={h.householdId}>
              <Table.Td>
                <Anchor component={Link} to={`/households/${h.householdId}`} fw={600}>
                  {h.headName ?? t('household.nameErased')}
                </Anchor>
                {h.flags?.includes('unable_to_escape') && (
                  <Badge ml="xs" size="xs" color="grape.8">
                    {t('list.flag')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{h.householdCode ?? '—'}</Table.Td>
              <Table.Td>
                <Text size="sm">{unitNames.get(h.unitCode) ?? h.unitCode}</Text>
              </Table.Td>
              <Table.Td>{h.village ?? '—'}</Table.Td>
              <Table.Td ta="right">{formatNumber(h.memberCount, language)}</Table.Td>
              <Table.Td>
                <ClassificationBadge value={h.classification} />
              </Table.Td>
              <Table.Td>{formatDate(h.updatedAt, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
