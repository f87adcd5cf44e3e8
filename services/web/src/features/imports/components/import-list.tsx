import { Alert, Badge, Button, Loader, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber, type Language } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem';
import { useImports } from '../api/list-imports';

const COLORS = { running: 'blue', done: 'teal', failed: 'red' } as const;

/** Earlier imports into the user's units, newest first; each can be opened. */
export function ImportList({ selected, onOpen }: { selected: string | undefined; onOpen(id: string): void }) {
  const { t, i18n } = useTranslation('imports');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const list = useImports();
  if (list.isPending) return <Loader aria-label={tc('states.loading')} />;
  if (list.isError) {
    return (
      <Alert color="red" role="alert" title={tc('states.error')}>
        {problemMessage(list.error, tc('states.error'))}
      </Alert>
    );
  }
  if (list.data.imports.length === 0) return <Text c="dimmed">{t('list.empty')}</Text>;
  const n = (v: number) => formatNumber(v, language);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="xs" captionSide="top">
        <Table.Caption>{t('list.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('list.file')}</Table.Th>
            <Table.Th scope="col">{t('list.unit')}</Table.Th>
            <Table.Th scope="col">{t('list.when')}</Table.Th>
            <Table.Th scope="col">{t('list.status')}</Table.Th>
            <Table.Th scope="col">{t('list.result')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('list.open')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data.imports.map((i) => (
            <Table.Tr key={i.id} bg={i.id === selected ? 'var(--mantine-primary-color-light)' : undefined}>
              <Table.Td>
                <Text size="sm" fw={600} style={{ wordBreak: 'break-all' }}>
                  {i.fileName}
                </Text>
                {i.dryRun && (
                  <Badge size="xs" variant="light" color="gray">
                    {t('list.dryRun')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{i.unitScope}</Table.Td>
              <Table.Td>{formatDateTime(i.createdAt, language)}</Table.Td>
              <Table.Td>
                <Badge color={COLORS[i.status]} variant="light">
                  {t(`progress.${i.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {i.summary
                    ? t('list.resultText', {
                        imported: n(i.summary.imported),
                        problems: n(i.summary.rowsWithProblems),
                        rows: n(i.summary.rows),
                      })
                    : '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="light"
                  aria-label={t('list.openOf', { file: i.fileName })}
                  aria-current={i.id === selected ? 'true' : undefined}
                  onClick={() => onOpen(i.id)}
                >
                  {t('list.open')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
