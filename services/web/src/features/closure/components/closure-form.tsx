import { CloseHousehold, IsoDate } from '@benvung/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FormDateField } from '../../../components/ui/form-date-field';
import { formatDate, type Language, todayInVietnam } from '../../../lib/format';
import { useDraft } from '../../../lib/offline/use-draft';
import { emptyIs } from '../../../lib/required-message';

const REASONS = CloseHousehold.shape.reason.options;

/** The body of POST /closure, by the domain's CloseHousehold command. */
const ClosureBody = CloseHousehold.pick({ reason: true }).extend({ occurredAt: IsoDate });
export type ClosureBody = z.infer<typeof ClosureBody>;

interface ClosureFields {
  reason: ClosureBody['reason'] | '';
  occurredAt: string;
}

interface ClosureFormProps {
  householdId: string;
  headName: string;
  onSubmit(body: ClosureBody): Promise<boolean>;
  onCancel(): void;
  error?: string | undefined;
}

/** The reason and date, then a confirmation before anything is sent. */
export function ClosureForm({ householdId, headName, onSubmit, onCancel, error }: ClosureFormProps) {
  const { t, i18n } = useTranslation('closure');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const form = useForm<ClosureFields, unknown, ClosureBody>({
    resolver: zodResolver(ClosureBody, { error: emptyIs(tc('required')) }) as never,
    defaultValues: { reason: '', occurredAt: todayInVietnam() },
  });
  const draft = useDraft(`closure.${householdId}`, form);
  const [pending, setPending] = useState<ClosureBody | undefined>();
  const [sending, setSending] = useState(false);
  const { errors } = form.formState;
  const confirm = async () => {
    if (!pending) return;
    setSending(true);
    const done = await onSubmit(pending);
    setSending(false);
    setPending(undefined);
    if (done) draft.clear();
  };
  return (
    <form onSubmit={form.handleSubmit((body) => setPending(body))} noValidate>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Controller
          control={form.control}
          name="reason"
          render={({ field }) => (
            <Radio.Group
              label={t('reason')}
              required
              value={field.value}
              onChange={field.onChange}
              error={errors.reason?.message}
            >
              <Stack gap="xs" mt="xs">
                {REASONS.map((r) => (
                  <Radio key={r} value={r} label={t(`reasons.${r}`)} />
                ))}
              </Stack>
            </Radio.Group>
          )}
        />
        <FormDateField control={form.control} name="occurredAt" label={t('occurredAt')} required />
        <Group>
          <Button type="submit" color="red">
            {t('save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('cancel')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={pending !== undefined} onClose={() => setPending(undefined)} title={t('confirmTitle')} centered>
        {pending && (
          <Stack>
            <Text>
              {t('confirmText', {
                head: headName,
                date: formatDate(pending.occurredAt, language),
                reason: t(`reasons.${pending.reason}`),
              })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPending(undefined)}>
                {t('back')}
              </Button>
              <Button color="red" loading={sending} onClick={() => void confirm()}>
                {t('confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </form>
  );
}
