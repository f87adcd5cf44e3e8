import { ErasePersonalData } from '@benvung/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { emptyIs } from '../../../lib/required-message';

/** The body of POST /erasure, by the domain's ErasePersonalData command (the reason: 10–500 characters). */
const ErasureBody = ErasePersonalData.pick({ reason: true });
export type ErasureBody = z.infer<typeof ErasureBody>;

interface ErasureFormProps {
  headName: string;
  onSubmit(body: ErasureBody): Promise<boolean>;
  onCancel(): void;
  error?: string | undefined;
}

/**
 * The reason, then a confirmation naming the household before anything is sent. No draft is kept on
 * the device: the reason may itself mention the person.
 */
export function ErasureForm({ headName, onSubmit, onCancel, error }: ErasureFormProps) {
  const { t } = useTranslation('erasure');
  const { t: tc } = useTranslation();
  const form = useForm<ErasureBody>({
    resolver: zodResolver(ErasureBody, { error: emptyIs(tc('required')) }) as never,
    defaultValues: { reason: '' },
  });
  const [pending, setPending] = useState<ErasureBody | undefined>();
  const [sending, setSending] = useState(false);
  const { errors } = form.formState;
  const confirm = async () => {
    if (!pending) return;
    setSending(true);
    await onSubmit(pending);
    setSending(false);
    setPending(undefined);
  };
  return (
    <form onSubmit={form.handleSubmit((body) => setPending(body))} noValidate>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Textarea
          label={t('reason')}
          description={t('reasonHint')}
          required
          autosize
          minRows={3}
          maxLength={500}
          error={errors.reason?.message}
          {...form.register('reason')}
        />
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
            <Text>{t('confirmText', { head: headName, reason: pending.reason })}</Text>
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
