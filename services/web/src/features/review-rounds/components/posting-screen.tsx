import { PostRoundLists } from '@benvung/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { FormDateField } from '../../../components/ui/form-date-field';
import { todayInVietnam } from '../../../lib/format';
import { emptyIs } from '../../../lib/required-message';
import type { Round } from '../api/rounds';
import { useRoundSteps } from '../api/steps';
import { stepError } from './step-error';

interface PostingFields {
  from: string;
  to: string;
  document: string;
}

/** /review-rounds/:id/posting — the public posting of the lists the villages agreed, from and to. */
export function PostingScreen({ round }: { round: Round }) {
  const { t } = useTranslation('reviewRounds');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const steps = useRoundSteps(round.roundId);
  const [key] = useState(() => crypto.randomUUID());
  // The domain's command, and the last day on or after the first, said on the field.
  const PostingBody = PostRoundLists.pick({ from: true, to: true, document: true }).refine((b) => b.to >= b.from, {
    message: t('posting.toBeforeFrom'),
    path: ['to'],
  });
  const form = useForm<PostingFields, unknown, z.infer<typeof PostingBody>>({
    resolver: zodResolver(PostingBody as never, { error: emptyIs(tc('required')) }) as never,
    defaultValues: { from: todayInVietnam(), to: '', document: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const save = form.handleSubmit(async (body) => {
    try {
      await steps.posting.mutateAsync({
        body: { ...body, document: body.document.trim() },
        key,
        version: round.version,
      });
      notifications.show({ color: 'teal', message: t('posting.saved') });
      navigate(`/review-rounds/${round.roundId}`);
    } catch {
      // shown above the form
    }
  });
  return (
    <Stack maw={640}>
      <Title order={2}>{t('posting.title')}</Title>
      <Text size="sm">{t('posting.intro')}</Text>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <form onSubmit={save} noValidate>
          <Stack>
            {steps.posting.isError && (
              <Alert color="red" role="alert">
                {stepError(steps.posting.error, t('stale'), tc('states.error'))}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <FormDateField control={form.control} name="from" label={t('posting.from')} required />
              <FormDateField control={form.control} name="to" label={t('posting.to')} required />
            </SimpleGrid>
            <TextInput
              label={t('posting.document')}
              description={t('posting.documentHint')}
              required
              maxLength={200}
              error={errors.document?.message}
              {...form.register('document')}
            />
            <Group>
              <Button type="submit" loading={isSubmitting}>
                {t('posting.save')}
              </Button>
              <Button variant="default" onClick={() => navigate(`/review-rounds/${round.roundId}`)}>
                {tc('actions.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
