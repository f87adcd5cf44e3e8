import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, type Language } from '../../../lib/format';
import { type ImportProblem, importReportUrl } from '../api/get-import';

interface ImportProblemsProps {
  importId: string;
  problems: readonly ImportProblem[];
  /** Rows with problems in the whole file (the answer holds the first problems only). */
  rowsWithProblems: number;
}

/** Keys from each problem's content; a repeated problem gets its occurrence number. */
function keyed(problems: readonly ImportProblem[]) {
  const seen = new Map<string, number>();
  return problems.map((p) => {
    const base = `${p.row}|${p.column}|${p.code}|${p.en}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { key: `${base}|${n}`, p };
  });
}

/** The problems by row and column, in the chosen language, and the full report to download. */
export function ImportProblems({ importId, problems, rowsWithProblems }: ImportProblemsProps) {
  const { t, i18n } = useTranslation('imports');
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const download = (
    <Anchor href={importReportUrl(importId)} download>
      {t('problems.download')}
    </Anchor>
  );
  if (problems.length === 0) return <Text c="dimmed">{t('problems.none')}</Text>;
  // The answer holds the first 100 problems; the report holds them all.
  const rowsShown = new Set(problems.filter((p) => p.row > 0).map((p) => p.row)).size;
  const cut = problems.length >= 100 || rowsWithProblems > rowsShown;
  return (
    <>
      <Group justify="space-between" wrap="wrap">
        {cut ? (
          <Text size="sm">{t('problems.firstOnly', { shown: formatNumber(problems.length, language) })}</Text>
        ) : (
          <span />
        )}
        {download}
      </Group>
      <Table.ScrollContainer minWidth={520} maxHeight={480}>
        <Table striped verticalSpacing="xs" captionSide="top" stickyHeader>
          <Table.Caption>{t('problems.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" ta="right">
                {t('problems.row')}
              </Table.Th>
              <Table.Th scope="col">{t('problems.column')}</Table.Th>
              <Table.Th scope="col">{t('problems.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keyed(problems).map(({ key, p }) => (
              <Table.Tr key={key}>
                <Table.Td ta="right">{p.row > 0 ? p.row : t('problems.wholeFile')}</Table.Td>
                <Table.Td>{p.column || '—'}</Table.Td>
                <Table.Td>{language === 'en' ? p.en : p.vi}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
