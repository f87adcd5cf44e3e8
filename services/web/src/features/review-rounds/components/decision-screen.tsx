import { addDays, IssueRoundDecision } from '@benvung/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, List, Modal, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { FormDateField } from '../../../components/ui/form-date-field';
import { formatDate, formatNumber, type Language, todayInVietnam } from '../../../lib/format';
import { ApiProblem } from '../../../lib/problem';
import { emptyIs } from '../../../lib/required-message';
import type { Round } from '../api/rounds';
import { useRoundSteps } from '../api/steps';
import { useHouseholdNames } from '../api/village-households';
import { stepError } from './step-error';

const DecisionBody = IssueRoundDecision.pick({ decisionNo: true, issuedOn: true, signer: true, document: true });
type DecisionBody = z.infer<typeof DecisionBody>;

interface DecisionFields {
  decisionNo: string;
  issuedOn: string;
  signer: string;
  document: string;
}

const toBody = (v: DecisionFields) => ({
  decisionNo: v.decisionNo.trim(),
  issuedOn: v.issuedOn,
  signer: v.signer.trim(),
  ...(v.document.trim() ? { document: v.document.trim() } : {}),
});
const DecisionSchema = z.preprocess((v) => toBody(v as DecisionFields), DecisionBody);

/**
 * /review-rounds/:id/decision — the commune chair's decision (number, date, signer). What it makes
 * official is shown and confirmed before it is sent: after it the round changes no more.
 */
export function DecisionScreen({ round }: { round: Round }) {
  const { t, i18n } = useTranslation('reviewRounds');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const navigate = useNavigate();
  const steps = useRoundSteps(round.roundId);
  const names = useHouseholdNames(round.unitCode, round.households);
  const [key] = useState(() => crypto.randomUUID());
  const [pending, setPending] = useState<DecisionBody | undefined>();
  const today = todayInVietnam();
  const earliest = round.posting ? addDays(round.posting.to, 1) : undefined;
  const form = useForm<DecisionFields, unknown, DecisionBody>({
    resolver: zodResolver(DecisionSchema as never, { error: emptyIs(tc('required')) }) as never,
    defaultValues: {
      decisionNo: '',
      issuedOn: earliest && earliest > today ? earliest : today,
      signer: '',
      document: '',
    },
  });
  const { errors } = form.formState;
  const count = (c: 'poor' | 'near_poor' | 'non_poor') =>
    formatNumber(round.households.filter((h) => h.current === c).length, language);
  const confirm = async () => {
    if (!pending) return;
    try {
      const answer = await steps.decision.mutateAsync({ body: pending, key, version: round.version });
      setPending(undefined);
      notifications.show({
        color: 'teal',
        message: t('decision.saved', {
          applied: formatNumber(answer.decision?.applied ?? 0, language),
          households: formatNumber(answer.decision?.households ?? round.households.length, language),
        }),
      });
      navigate(`/review-rounds/${round.roundId}`);
    } catch {
      setPending(undefined);
    }
  };
  const refused = steps.decision.error instanceof ApiProblem ? steps.decision.error : undefined;
  const failed = (refused?.problem.households as Array<{ householdId: string; code: string }> | undefined) ?? [];
  if (!round.posting) return <Alert color="orange">{t('decision.notPosted')}</Alert>;
  return (
    <Stack maw={640}>
      <Title order={2}>{t('decision.title')}</Title>
      <Text size="sm">{t('decision.intro')}</Text>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <form onSubmit={form.handleSubmit((body) => setPending(body))} noValidate>
          <Stack>
            {steps.decision.isError && (
              <Alert color="red" role="alert">
                <Text size="sm">{stepError(steps.decision.error, t('stale'), tc('states.error'))}</Text>
                {failed.length > 0 && (
                  <>
                    <Text size="sm">{t('decision.failed')}</Text>
                    <List size="sm">
                      {failed.map((f) => (
                        <List.Item key={f.householdId}>
                          {names.get(f.householdId)?.headName ?? f.householdId}: {f.code}
                        </List.Item>
                      ))}
                    </List>
                  </>
                )}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('decision.decisionNo')}
                description={t('decision.decisionNoHint')}
                required
                maxLength={100}
                error={errors.decisionNo?.message}
                {...form.register('decisionNo')}
              />
              <Stack gap={2}>
                <FormDateField control={form.control} name="issuedOn" label={t('decision.issuedOn')} required />
                {earliest && (
                  <Text size="xs" c="dimmed">
                    {t('decision.issuedOnHint', { earliest: formatDate(earliest, language) })}
                  </Text>
                )}
              </Stack>
            </SimpleGrid>
            <TextInput
              label={t('decision.signer')}
              required
              maxLength={200}
              error={errors.signer?.message}
              {...form.register('signer')}
            />
            <TextInput
              label={t('decision.document')}
              maxLength={200}
              error={errors.document?.message}
              {...form.register('document')}
            />
            <Group>
              <Button type="submit">{t('decision.save')}</Button>
              <Button variant="default" onClick={() => navigate(`/review-rounds/${round.roundId}`)}>
                {tc('actions.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Modal
        opened={pending !== undefined}
        onClose={() => setPending(undefined)}
        title={t('decision.confirmTitle')}
        centered
      >
        {pending && (
          <Stack>
            <Text>
              {t('decision.confirmText', {
                decisionNo: pending.decisionNo,
                issuedOn: formatDate(pending.issuedOn, language),
                signer: pending.signer,
                count: round.households.length,
                poor: count('poor'),
                nearPoor: count('near_poor'),
                nonPoor: count('non_poor'),
              })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPending(undefined)}>
                {t('decision.back')}
              </Button>
              <Button loading={steps.decision.isPending} onClick={() => void confirm()}>
                {t('decision.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
