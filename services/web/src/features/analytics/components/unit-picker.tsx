import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Unit, useUnit, useUnitSearch } from '../api/search-units';

/** How a unit reads in the picker: "Xã Sóc Sơn (00376)", "Tỉnh Quảng Trị (44)". */
export function useUnitLabel() {
  const { t } = useTranslation('analytics');
  return (u: Pick<Unit, 'code' | 'name' | 'level'>) =>
    u.level === 'commune' ? `${u.name} (${u.code})` : `${t(`filters.levels.${u.level}`)} ${u.name} (${u.code})`;
}

interface UnitPickerProps {
  value: string | undefined;
  asOf: string | undefined;
  onChange(code: string | undefined): void;
}

/** A province or commune found by typing its name (accents optional) or code, searched on the server. */
export function UnitPicker({ value, asOf, onChange }: UnitPickerProps) {
  const { t } = useTranslation('analytics');
  const label = useUnitLabel();
  const [search, setSearch] = useState('');
  const selected = useUnit(value, asOf).unit;
  // After a choice the box shows the unit's label: that is not a new search.
  const typed = selected && search === label(selected) ? '' : search.trim();
  const [q] = useDebouncedValue(typed, 250);
  const results = useUnitSearch(q, asOf);
  const units = new Map<string, Unit>();
  if (selected) units.set(selected.code, selected);
  for (const u of q.length >= 2 ? (results.data ?? []) : []) units.set(u.code, u);
  return (
    <Select
      label={t('filters.unit')}
      description={t('filters.unitHint')}
      placeholder={t('filters.unitPlaceholder')}
      searchable
      clearable
      value={value ?? null}
      onChange={(code) => onChange(code ?? undefined)}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched names without accents; every option it returned is shown.
      filter={({ options }) => options}
      data={[...units.values()].map((u) => ({ value: u.code, label: label(u) }))}
      nothingFoundMessage={q.length < 2 ? t('filters.unitTypeMore') : t('filters.unitNothing')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
