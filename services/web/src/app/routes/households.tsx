import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Pagination,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { type HouseholdListQuery, useHouseholds } from '../../features/households/api/list-households';
import { HouseholdTable } from '../../features/households/components/household-table';
import { useMyCommunes } from '../../features/units';
import { useUser } from '../../lib/auth';
import { formatNumber } from '../../lib/format';

const PAGE_SIZE = 25;
const SORTS = ['name', 'code', '-updated', '-registered'] as const;
const STATUSES = ['poor', 'near_poor', 'non_poor', 'unassessed'] as const;

/** The households of the user's units: search, filters and sort kept in the address, pages with totals. */
export function Component() {
  const { t, i18n } = useTranslation('households');
  const { t: tc } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  const communes = useMyCommunes();
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const update = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  const query: HouseholdListQuery = {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    sort: (params.get('sort') as (typeof SORTS)[number] | null) ?? 'name',
    ...(q ? { q } : {}),
    ...(params.get('unit') ? { unitCode: params.get('unit') as string } : {}),
    ...(params.get('village') ? { village: params.get('village') as string } : {}),
    ...(params.get('status') ? { status: params.get('status') as (typeof STATUSES)[number] } : {}),
    ...(params.get('flag') ? { flag: 'unable_to_escape' as const } : {}),
  };
  const list = useHouseholds(query);
  const total = list.data?.total ?? 0;
  const unitNames = new Map((communes.data ?? []).map((c) => [c.code, c.name]));
  const canRegister = user.role === 'case_worker' || user.role === 'supervisor';
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('list.title')}</Title>
        {canRegister && <Button onClick={() => navigate('/households/new')}>{t('list.register')}</Button>}
      </Group>
      <TextInput
        type="search"
        label={t('list.search')}
        description={t('list.searchHint')}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          update('q', e.currentTarget.value.trim() || null);
        }}
      />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <NativeSelect
          label={t('list.unit')}
          value={params.get('unit') ?? ''}
          onChange={(e) => update('unit', e.currentTarget.value || null)}
          data={[
            { value: '', label: t('list.allUnits') },
            ...(communes.data ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })),
          ]}
        />
        <TextInput
          label={t('list.village')}
          defaultValue={params.get('village') ?? ''}
          onBlur={(e) => update('village', e.currentTarget.value.trim() || null)}
        />
        <NativeSelect
          label={t('list.status')}
          value={params.get('status') ?? ''}
          onChange={(e) => update('status', e.currentTarget.value || null)}
          data={[
            { value: '', label: t('list.allStatuses') },
            ...STATUSES.map((s) => ({ value: s, label: tc(`classification.${s}`) })),
          ]}
        />
        <NativeSelect
          label={t('list.sort')}
          value={params.get('sort') ?? 'name'}
          onChange={(e) => update('sort', e.currentTarget.value)}
          data={SORTS.map((s) => ({ value: s, label: t(`list.sorts.${s}`) }))}
        />
      </SimpleGrid>
      <Checkbox
        label={t('list.flagged')}
        checked={params.get('flag') !== null}
        onChange={(e) => update('flag', e.currentTarget.checked ? '1' : null)}
      />
      {list.isError && (
        <Text c="red" role="alert">
          {tc('states.error')}
        </Text>
      )}
      {list.data && list.data.households.length === 0 && <Text c="dimmed">{t('list.empty')}</Text>}
      {list.data && list.data.households.length > 0 && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {tc('pagination.summary', {
              from: formatNumber((page - 1) * PAGE_SIZE + 1, i18n.language as 'vi'),
              to: formatNumber((page - 1) * PAGE_SIZE + list.data.households.length, i18n.language as 'vi'),
              total: formatNumber(total, i18n.language as 'vi'),
            })}
          </Text>
          <HouseholdTable rows={list.data.households} unitNames={unitNames} />
          {total > PAGE_SIZE && (
            <Pagination
              total={Math.ceil(total / PAGE_SIZE)}
              value={page}
              onChange={(p) => update('page', String(p))}
              getControlProps={(control) => ({ 'aria-label': tc(`actions.${control}` as 'actions.next') })}
              getItemProps={(p) => ({ 'aria-label': `${tc('pagination.page')} ${p}` })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
