import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type UnitOption, useUnitNames, useUnitSearch } from '../api/search-units';

interface UnitPickerProps {
  label: string;
  description?: string;
  value: string[];
  onChange(value: string[]): void;
  onBlur?(): void;
  error?: string | undefined;
}

const unitLabel = (u: UnitOption) => `${u.code} — ${u.name}`;

/** Units picked by searching the registry (GET /v1/units?q=) by name or code; kept as codes. */
export function UnitPicker({ label, description, value, onChange, onBlur, error }: UnitPickerProps) {
  const { t } = useTranslation('admin');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const results = useUnitSearch(debounced);
  const named = useUnitNames(value);
  // Units picked from a search keep their names when the search moves on.
  const [picked, setPicked] = useState<Map<string, UnitOption>>(new Map());
  const label_ = (code: string) => {
    const unit = picked.get(code) ?? named.get(code);
    return unit ? unitLabel(unit) : code;
  };
  const found = results.data ?? [];
  const data = [
    ...value.map((code) => ({ value: code, label: label_(code) })),
    ...found.filter((u) => !value.includes(u.code)).map((u) => ({ value: u.code, label: unitLabel(u) })),
  ];
  return (
    <MultiSelect
      label={label}
      description={description}
      data={data}
      value={value}
      onChange={(codes) => {
        const next = new Map(picked);
        for (const u of found) if (codes.includes(u.code)) next.set(u.code, u);
        setPicked(next);
        onChange(codes);
      }}
      onBlur={onBlur}
      error={error}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has searched already (accents and case aside): show what it found.
      filter={({ options }) => options}
      hidePickedOptions
      clearable
      nothingFoundMessage={
        debounced.trim() ? (results.isFetching ? t('form.unitsSearching') : t('form.unitsNothing')) : undefined
      }
      maxDropdownHeight={260}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
