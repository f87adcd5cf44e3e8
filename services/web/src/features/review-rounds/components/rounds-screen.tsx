import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useUser } from '../../../lib/auth';
import { formatDate, formatNumber, type Language } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem';
import { ScrollTable } from '../../analytics/components/scroll-table';
import { useMyCommunes } from '../../units';
import { type RoundListQuery, useRounds } from '../api/rounds';
import { StageBadge } from './stage-badge';

const KINDS = ['periodic', 'regular'] as const;

/** The review rounds of the user's communes, by commune, list year and kind (kept in the address). */
export function RoundsScreen() {
  const { t, i18n } = useTranslation('reviewRounds');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const communes = useMyCommunes();
  const update = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const year = Number(params.get('year'));
  const query: RoundListQuery = {
    ...(params.get('unit') ? { unitCode: params.get('unit') as string } : {}),
    ...(year >= 2000 && year <= 2100 ? { listYear: year } : {}),
    ...(params.get('kind') ? { kind: params.get('kind') as (typeof KINDS)[number] } : {}),
  };
  const rounds = useRounds(query);
  const unitName = (code: string) => communes.data?.find((c) => c.code === code)?.name;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('list.title')}</Title>
        {user.role === 'supervisor' && <Button onClick={() => navigate('/review-rounds/new')}>{t('list.open')}</Button>}
      </Group>
      <Text size="sm">{t('list.intro')}</Text>
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <NativeSelect
          label={t('list.unit')}
          value={params.get('unit') ?? ''}
          onChange={(e) => update('unit', e.currentTarget.value || null)}
          data={[
            { value: '', label: t('list.allUnits') },
            ...(communes.data ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })),
          ]}
        />
        <NumberInput
          label={t('list.listYear')}
          description={t('list.listYearHint')}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=""
          min={2000}
          max={2100}
          value={params.get('year') ?? ''}
          onChange={(v) => update('year', v === '' ? null : String(v))}
        />
        <NativeSelect
          label={t('list.kind')}
          value={params.get('kind') ?? ''}
          onChange={(e) => update('kind', e.currentTarget.value || null)}
          data={[{ value: '', label: t('list.allKinds') }, ...KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))]}
        />
      </SimpleGrid>
      {rounds.isPending && <Loader aria-label={tc('states.loading')} />}
      {rounds.isError && (
        <Alert color="red" role="alert" title={tc('states.error')}>
          {problemMessage(rounds.error, tc('states.error'))}
        </Alert>
      )}
      {rounds.data && rounds.data.rounds.length === 0 && <Text c="dimmed">{t('list.empty')}</Text>}
      {rounds.data && rounds.data.rounds.length > 0 && (
        <ScrollTable label={t('list.caption')} minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="xs" captionSide="top">
            <Table.Caption>{t('list.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('list.columns.unit')}</Table.Th>
                <Table.Th scope="col">{t('list.columns.kind')}</Table.Th>
                <Table.Th scope="col">{t('list.columns.listYear')}</Table.Th>
                <Table.Th scope="col">{t('list.columns.openedOn')}</Table.Th>
                <Table.Th scope="col">{t('list.columns.stage')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('list.columns.households')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rounds.data.rounds.map((r) => (
                <Table.Tr key={r.roundId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/review-rounds/${r.roundId}`} fw={600}>
                      {unitName(r.unitCode) ?? r.unitCode}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {r.unitCode}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`kinds.${r.kind}`)}</Table.Td>
                  <Table.Td>{r.listYear}</Table.Td>
                  <Table.Td>{formatDate(r.openedOn, language)}</Table.Td>
                  <Table.Td>
                    <StageBadge stage={r.stage} />
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(r.households, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
