import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitListProblem } from '../api/load-unit-list';

/** Keys from each problem's content; a repeated problem gets its occurrence number. */
function keyed(problems: readonly UnitListProblem[]) {
  const seen = new Map<string, number>();
  return problems.map((p) => {
    const base = `${p.line}|${p.column ?? ''}|${p.message}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { key: `${base}|${n}`, p };
  });
}

/** What is wrong with a refused list, line by line (line 0: the file as a whole). */
export function UnitListProblems({ problems }: { problems: readonly UnitListProblem[] }) {
  const { t } = useTranslation('admin');
  return (
    <Table.ScrollContainer minWidth={480} maxHeight={420}>
      <Table striped verticalSpacing="xs" captionSide="top" stickyHeader>
        <Table.Caption>{t('load.problems')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" ta="right">
              {t('load.line')}
            </Table.Th>
            <Table.Th scope="col">{t('load.column')}</Table.Th>
            <Table.Th scope="col">{t('load.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keyed(problems).map(({ key, p }) => (
            <Table.Tr key={key}>
              <Table.Td ta="right">{p.line > 0 ? p.line : t('load.wholeFile')}</Table.Td>
              <Table.Td>{p.column || '—'}</Table.Td>
              <Table.Td>{p.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
