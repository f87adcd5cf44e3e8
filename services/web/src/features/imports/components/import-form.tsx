import { Alert, Button, Checkbox, NumberInput, Select, SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FileField } from '../../../components/ui/file-field';
import { problemMessage } from '../../../lib/problem';
import { useMyCommunes } from '../../units';
import { useMyUnits } from '../api/my-units';
import { useStartImport } from '../api/start-import';
import { ColumnMappingFields } from './column-mapping';
import { emptyColumns, type ImportFields, toImportInput } from './import-fields';

const LIST_FILE = /\.(xlsx|csv)$/i;

/** The upload: the file, the area it covers, check only or write, and how strictly. */
export function ImportForm({ onStarted }: { onStarted(id: string): void }) {
  const { t } = useTranslation('imports');
  const { t: tc } = useTranslation();
  const units = useMyUnits();
  const communes = useMyCommunes();
  const start = useStartImport();
  // Counts the uploads started here: each empties the file input for the next list.
  const [uploads, setUploads] = useState(0);
  const form = useForm<ImportFields>({
    defaultValues: {
      file: null,
      unitScope: '',
      dryRun: false,
      importGoodRows: false,
      maxErrorRate: '',
      columns: emptyColumns(),
      sheet: '',
      headerRow: '',
    },
  });
  const { errors, isSubmitting } = form.formState;
  const rate = useWatch({ control: form.control, name: 'maxErrorRate' });
  // The user's own units first (a province covers its communes), then each commune alone.
  const own = units.data ?? [];
  const scopes = [
    ...own.map((u) => ({ value: u.code, label: `${u.code} — ${u.name}` })),
    ...(communes.data ?? [])
      .filter((c) => !own.some((u) => u.code === c.code))
      .map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` })),
  ];
  const scopeValue = form.watch('unitScope') || (own.length === 1 ? (own[0]?.code ?? '') : '');
  const submit = form.handleSubmit(async (v) => {
    const unitScope = v.unitScope || scopeValue;
    if (!v.file || !unitScope) return;
    try {
      const answer = await start.mutateAsync(toImportInput({ ...v, unitScope, file: v.file }));
      form.reset({ ...v, file: null });
      setUploads((n) => n + 1);
      onStarted(answer.id);
    } catch {
      // Shown above the form (start.error).
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {start.isError && (
          <Alert color="red" role="alert" title={tc('states.error')}>
            {problemMessage(start.error, tc('states.error'))}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={form.control}
            name="file"
            rules={{
              validate: (f) => (!f ? t('form.fileRequired') : LIST_FILE.test(f.name) ? true : t('form.fileType')),
            }}
            render={({ field }) => (
              <FileField
                label={t('form.file')}
                required
                accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                resetKey={uploads}
                onChange={field.onChange}
                error={errors.file?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="unitScope"
            rules={{ validate: (v) => (v || scopeValue ? true : t('form.unitScopeRequired')) }}
            render={({ field }) => (
              <Select
                label={t('form.unitScope')}
                description={t('form.unitScopeHint')}
                required
                searchable
                allowDeselect={false}
                data={scopes}
                value={field.value || scopeValue || null}
                onChange={(v) => field.onChange(v ?? '')}
                error={errors.unitScope?.message}
                nothingFoundMessage={tc('states.empty')}
                comboboxProps={{ withinPortal: true }}
              />
            )}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="dryRun"
          render={({ field }) => (
            <Checkbox
              label={t('form.dryRun')}
              description={t('form.dryRunHint')}
              checked={field.value}
              onChange={(e) => field.onChange(e.currentTarget.checked)}
            />
          )}
        />
        <Controller
          control={form.control}
          name="importGoodRows"
          render={({ field }) => (
            <Checkbox
              label={t('form.importGoodRows')}
              description={t('form.importGoodRowsHint', { rate: rate === '' ? 5 : rate })}
              checked={field.value}
              onChange={(e) => field.onChange(e.currentTarget.checked)}
            />
          )}
        />
        <Controller
          control={form.control}
          name="maxErrorRate"
          render={({ field }) => (
            <NumberInput
              label={t('form.maxErrorRate')}
              description={t('form.maxErrorRateHint')}
              min={0}
              max={100}
              decimalSeparator=","
              allowNegative={false}
              suffix=" %"
              maw={320}
              value={field.value}
              onChange={(v) => field.onChange(v === '' ? '' : Math.min(100, Number(v)))}
            />
          )}
        />
        <ColumnMappingFields register={form.register} control={form.control} />
        <div>
          <Button type="submit" loading={isSubmitting}>
            {t('form.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
