import { Alert, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/ui/date-field';
import { FileField } from '../../../components/ui/file-field';
import { formatDate, type Language } from '../../../lib/format';
import { ApiProblem, problemMessage } from '../../../lib/problem';
import { type UnitListInput, type UnitListProblem, useLoadUnitList } from '../api/load-unit-list';
import { ConfirmDialog } from './confirm-dialog';
import { UnitListChanges } from './unit-list-changes';
import { UnitListProblems } from './unit-list-problems';

interface UnitListChangeCounts {
  added: string[];
  changed: string[];
  abolished: string[];
  unchanged: number;
}

interface LoadFields {
  effectiveOn: string;
  file: File | null;
  conversion: File | null;
  source: string;
}

/**
 * A newer unit list from a date: "Kiểm tra" checks the whole file and shows what it would change or
 * every problem by line; "Nạp danh mục" checks it too, then asks before recording it as the next
 * version (a list replaces the units in force: what it leaves out is abolished from that date).
 */
export function LoadUnitListForm() {
  const { t, i18n } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const load = useLoadUnitList();
  const [mode, setMode] = useState<'check' | 'load'>('check');
  // A checked list waiting for the administrator's yes.
  const [pending, setPending] = useState<{ input: UnitListInput; changes: UnitListChangeCounts }>();
  // Counts the lists loaded here: a load empties the form, file inputs included.
  const [loads, setLoads] = useState(0);
  const form = useForm<LoadFields>({ defaultValues: { effectiveOn: '', file: null, conversion: null, source: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = (confirmFirst: boolean) =>
    form.handleSubmit(async (v) => {
      if (!v.file) return;
      setMode(confirmFirst ? 'load' : 'check');
      const input = {
        effectiveOn: v.effectiveOn,
        source: v.source.trim() || v.file.name,
        csv: await v.file.text(),
        ...(v.conversion ? { conversionCsv: await v.conversion.text() } : {}),
      };
      try {
        const checked = await load.mutateAsync({ input, dryRun: true });
        if (confirmFirst) setPending({ input, changes: checked.changes });
      } catch {
        // Shown below (load.error).
      }
    });
  const confirmLoad = async () => {
    if (!pending) return;
    try {
      await load.mutateAsync({ input: pending.input, dryRun: false });
      form.reset();
      setLoads((n) => n + 1);
    } catch {
      // Shown below (load.error).
    }
    setPending(undefined);
  };
  const refused =
    load.error instanceof ApiProblem ? (load.error.problem.problems as UnitListProblem[] | undefined) : undefined;
  const answer = load.data;
  return (
    <Stack>
      <form onSubmit={submit(true)} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Controller
              control={form.control}
              name="effectiveOn"
              rules={{ required: t('load.dateRequired') }}
              render={({ field }) => (
                <DateField
                  label={t('load.effectiveOn')}
                  required
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={errors.effectiveOn?.message}
                />
              )}
            />
            <TextInput label={t('load.source')} description={t('load.sourceHint')} {...form.register('source')} />
            <Controller
              control={form.control}
              name="file"
              rules={{ required: t('load.fileRequired') }}
              render={({ field }) => (
                <FileField
                  label={t('load.file')}
                  description={t('load.fileHint')}
                  required
                  accept=".csv,text/csv"
                  resetKey={loads}
                  onChange={field.onChange}
                  error={errors.file?.message}
                />
              )}
            />
            <Controller
              control={form.control}
              name="conversion"
              render={({ field }) => (
                <FileField
                  label={t('load.conversion')}
                  accept=".csv,text/csv"
                  resetKey={loads}
                  onChange={field.onChange}
                />
              )}
            />
          </SimpleGrid>
          <Group gap="xs">
            <Button variant="light" loading={isSubmitting && mode === 'check'} onClick={() => void submit(false)()}>
              {t('load.check')}
            </Button>
            <Button type="submit" loading={isSubmitting && mode === 'load'}>
              {t('load.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <div aria-live="polite">
        {load.isError && (
          <Stack gap="sm">
            <Alert
              color="red"
              role="alert"
              title={refused ? t('load.refused', { count: refused.length }) : tc('states.error')}
            >
              {refused ? null : problemMessage(load.error, tc('states.error'))}
            </Alert>
            {refused && refused.length > 0 && <UnitListProblems problems={refused} />}
          </Stack>
        )}
        {answer && (
          <UnitListChanges
            title={answer.dryRun ? t('load.checked') : t('load.loadedVersion', { version: answer.version })}
            changes={answer.changes}
          />
        )}
      </div>
      <ConfirmDialog
        opened={pending !== undefined}
        title={t('load.confirmTitle')}
        text={
          pending
            ? t('load.confirmText', {
                date: formatDate(pending.input.effectiveOn, language),
                added: pending.changes.added.length,
                changed: pending.changes.changed.length,
                abolished: pending.changes.abolished.length,
              })
            : ''
        }
        confirmLabel={t('load.submit')}
        color={pending && pending.changes.abolished.length > 0 ? 'red' : undefined}
        busy={load.isPending}
        onConfirm={() => void confirmLoad()}
        onCancel={() => setPending(undefined)}
      />
    </Stack>
  );
}
