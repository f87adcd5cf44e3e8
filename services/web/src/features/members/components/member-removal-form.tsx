import { IsoDate, RemoveHouseholdMember } from '@benvung/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormDateField } from '../../../components/ui/form-date-field';
import { todayInVietnam } from '../../../lib/format';
import { useDraft } from '../../../lib/offline/use-draft';
import { emptyIs } from '../../../lib/required-message';

const REASONS = RemoveHouseholdMember.shape.reason.options;

/** The body of POST /members/{memberId}/removal, by the domain's RemoveHouseholdMember command. */
const RemovalBody = RemoveHouseholdMember.pick({ reason: true, note: true }).extend({ occurredAt: IsoDate });
export type RemovalBody = z.infer<typeof RemovalBody>;

interface RemovalFields {
  reason: RemovalBody['reason'] | '';
  note: string;
  occurredAt: string;
}

const toBody = (v: RemovalFields) => ({
  reason: v.reason || undefined,
  occurredAt: v.occurredAt,
  ...(v.note.trim() ? { note: v.note } : {}),
});
const RemovalSchema = z.preprocess((v) => toBody(v as RemovalFields), RemovalBody);

interface RemovalFormProps {
  name: string;
  draftKey: string;
  onSubmit(body: RemovalBody): Promise<boolean>;
  onCancel(): void;
  error?: string | undefined;
}

/** Takes a member off the household's list, with the reason. */
export function MemberRemovalForm({ name, draftKey, onSubmit, onCancel, error }: RemovalFormProps) {
  const { t } = useTranslation('members');
  const { t: tc } = useTranslation();
  const form = useForm<RemovalFields, unknown, RemovalBody>({
    resolver: zodResolver(RemovalSchema as never, { error: emptyIs(tc('required')) }) as never,
    defaultValues: { reason: '', note: '', occurredAt: todayInVietnam() },
  });
  const draft = useDraft(draftKey, form);
  const { errors, isSubmitting } = form.formState;
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
        <Text>{t('removing', { name })}</Text>
        <Controller
          control={form.control}
          name="reason"
          render={({ field }) => (
            <Select
              label={t('removeReason')}
              required
              value={field.value || null}
              onChange={(v) => field.onChange(v ?? '')}
              onBlur={field.onBlur}
              error={errors.reason?.message}
              data={REASONS.map((r) => ({ value: r, label: t(`removeReasons.${r}`) }))}
            />
          )}
        />
        <TextInput label={t('note')} maxLength={500} error={errors.note?.message} {...form.register('note')} />
        <FormDateField control={form.control} name="occurredAt" label={t('occurredAt')} required />
        <Group>
          <Button type="submit" color="red" loading={isSubmitting}>
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
