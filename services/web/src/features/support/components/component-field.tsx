import { Select } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../lib/format';
import { componentsOn, type SupportRules } from '../rules-on';
import type { SupportFields } from '../support-input';

/** The National Target Programme component funding the action, among those in force on its date. */
export function ComponentField({ rules }: { rules: SupportRules | undefined }) {
  const { t, i18n } = useTranslation('support');
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const { control } = useFormContext<SupportFields>();
  const date = useWatch({ control, name: 'occurredAt' });
  const inForce = rules && date ? componentsOn(rules, date) : [];
  const groups = new Map<string, Array<{ value: string; label: string }>>();
  for (const { component, programme } of inForce) {
    const group = programme.names[language];
    groups.set(group, [...(groups.get(group) ?? []), { value: component.code, label: component.names[language] }]);
  }
  return (
    <Controller
      control={control}
      name="component"
      render={({ field, fieldState }) => (
        <Select
          label={t('component')}
          description={t('componentHint')}
          clearable
          searchable
          value={field.value || null}
          onChange={(v) => field.onChange(v ?? '')}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
          data={[...groups].map(([group, items]) => ({ group, items }))}
          comboboxProps={{ width: 'target' }}
        />
      )}
    />
  );
}
