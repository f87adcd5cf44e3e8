import { ClearUnableToEscapeFlag, IsoDate, SetUnableToEscapeFlag, type UnableToEscapeBasis } from '@benvung/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Radio, Select, Stack, Textarea } from '@mantine/core';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormDateField } from '../../../components/ui/form-date-field';
import { todayInVietnam } from '../../../lib/format';
import { useDraft } from '../../../lib/offline/use-draft';
import { emptyIs } from '../../../lib/required-message';

const BASES = SetUnableToEscapeFlag.shape.basis.options;

/** The body of POST /flags: the domain's set and clear commands, told apart by `action`. */
const FlagBody = z.discriminatedUnion('action', [
  SetUnableToEscapeFlag.pick({ basis: true, reason: true }).extend({ action: z.literal('set'), occurredAt: IsoDate }),
  ClearUnableToEscapeFlag.pick({ reason: true }).extend({ action: z.literal('clear'), occurredAt: IsoDate }),
]);
export type FlagBody = z.infer<typeof FlagBody>;

interface FlagFields {
  action: 'set' | 'clear';
  basis: UnableToEscapeBasis | '';
  reason: string;
  occurredAt: string;
}

const toBody = (v: FlagFields) =>
  v.action === 'set'
    ? { action: v.action, basis: v.basis || undefined, reason: v.reason, occurredAt: v.occurredAt }
    : { action: v.action, reason: v.reason, occurredAt: v.occurredAt };
const FlagSchema = z.preprocess((v) => toBody(v as FlagFields), FlagBody);

interface FlagFormProps {
  householdId: string;
  /** Whether the household is flagged now: the form then offers to clear the flag. */
  flagged: boolean;
  onSubmit(body: FlagBody): Promise<boolean>;
  onCancel(): void;
  error?: string | undefined;
}

export function FlagForm({ householdId, flagged, onSubmit, onCancel, error }: FlagFormProps) {
  const { t } = useTranslation('flags');
  const { t: tc } = useTranslation();
  const form = useForm<FlagFields, unknown, FlagBody>({
    resolver: zodResolver(FlagSchema as never, { error: emptyIs(tc('required')) }) as never,
    defaultValues: { action: flagged ? 'clear' : 'set', basis: '', reason: '', occurredAt: todayInVietnam() },
  });
  const draft = useDraft(`flag.${householdId}`, form);
  const action = useWatch({ control: form.control, name: 'action' });
  const { errors, isSubmitting } = form.formState;
  const basisError = 'basis' in errors ? (errors as { basis?: { message?: string } }).basis?.message : undefined;
  const submit = form.handleSubmit(async (body) => {
    if (await onSubmit(body)) draft.clear();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Controller
          control={form.control}
          name="action"
          render={({ field }) => (
            <Radio.Group label={t('action')} required value={field.value} onChange={field.onChange}>
              <Group mt="xs">
                {(['set', 'clear'] as const).map((a) => (
                  <Radio key={a} value={a} label={t(`actions.${a}`)} />
                ))}
              </Group>
            </Radio.Group>
          )}
        />
        {action === 'set' && (
          <Controller
            control={form.control}
            name="basis"
            render={({ field }) => (
              <Select
                label={t('basis')}
                required
                value={field.value || null}
                onChange={(v) => field.onChange(v ?? '')}
                onBlur={field.onBlur}
                error={basisError}
                data={BASES.map((b) => ({ value: b, label: t(`bases.${b}`) }))}
              />
            )}
          />
        )}
        <Textarea
          label={t('reason')}
          required
          autosize
          minRows={3}
          maxLength={500}
          error={errors.reason?.message}
          {...form.register('reason')}
        />
        <FormDateField control={form.control} name="occurredAt" label={t('occurredAt')} required />
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {t('save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
