import { Accordion, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type Control, Controller, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ImportFields } from './import-fields';
import { IMPORT_FIELDS } from './import-fields';

interface ColumnMappingProps {
  register: UseFormRegister<ImportFields>;
  control: Control<ImportFields>;
}

/** Headers that differ from the usual template, written as in the file; the sheet and header row. */
export function ColumnMappingFields({ register, control }: ColumnMappingProps) {
  const { t } = useTranslation('imports');
  return (
    <Accordion variant="contained">
      <Accordion.Item value="mapping">
        <Accordion.Control>{t('form.mapping')}</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('form.mappingHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('form.sheet')} description={t('form.sheetHint')} {...register('sheet')} />
              <Controller
                control={control}
                name="headerRow"
                render={({ field }) => (
                  <NumberInput
                    label={t('form.headerRow')}
                    description={t('form.headerRowHint')}
                    min={1}
                    max={100}
                    allowDecimal={false}
                    allowNegative={false}
                    value={field.value}
                    onChange={(v) => field.onChange(v === '' ? '' : Number(v))}
                  />
                )}
              />
              {IMPORT_FIELDS.map((f) => (
                <TextInput
                  key={f}
                  label={t('form.columnOf', { field: t(`fields.${f}`) })}
                  autoComplete="off"
                  {...register(`columns.${f}`)}
                />
              ))}
            </SimpleGrid>
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
