import { DocumentRef, IsoDate, SurveyResult, VillageName } from '@benvung/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Control, type FieldValues, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { FormDateField } from '../../../components/ui/form-date-field';
import { formatDate, type Language, todayInVietnam } from '../../../lib/format';
import { useDraft } from '../../../lib/offline/use-draft';
import { problemMessage } from '../../../lib/problem';
import { emptyIs } from '../../../lib/required-message';
import { householdQuery } from '../../households/api/get-household';
import { useSubmitEntry } from '../../offline/use-submit-entry';
import { useRules } from '../../reviews/api/get-rules';
import type { Round } from '../api/rounds';
import { listedHousehold } from '../api/village-households';
import { emptyResult, previewResult, type ResultFields as Result, roundStandard, toResult } from '../result';
import { ResultFields } from './result-fields';
import { ResultPreview } from './result-preview';

/** A survey as the domain checks it: the date, the village, whether the household applied, the result. */
const SurveyInput = z.object({
  surveyedOn: IsoDate,
  village: VillageName,
  applied: z.boolean(),
  document: DocumentRef.optional(),
  result: SurveyResult,
});
type SurveyInput = z.infer<typeof SurveyInput>;

interface SurveyFields {
  surveyedOn: string;
  village: string;
  applied: boolean;
  document: string;
  result: Result;
}

const toInput = (v: SurveyFields) => ({
  surveyedOn: v.surveyedOn,
  village: v.village.trim(),
  applied: v.applied,
  ...(v.document.trim() ? { document: v.document.trim() } : {}),
  result: toResult(v.result),
});
const SurveySchema = z.preprocess((v) => toInput(v as SurveyFields), SurveyInput);

/**
 * /review-rounds/:id/survey/:householdId — a household's survey on a phone: the standard's checklist,
 * the income or form scores, "applied", and the result previewed. Saved through the outbox: offline it
 * waits on this device with its Idempotency-Key and is sent when the connection returns.
 */
export function SurveyFormScreen({ round, householdId }: { round: Round; householdId: string }) {
  const { t } = useTranslation('reviewRounds');
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  // The household as the list showed it: the form opens on it offline too.
  const listed = listedHousehold(queryClient, householdId);
  const household = useQuery({
    ...householdQuery(householdId),
    ...(listed ? { placeholderData: { ...listed, fromStream: false } } : {}),
  });
  if (household.isPending) return <Loader aria-label={tc('states.loading')} />;
  if (household.isError && !household.data) {
    return (
      <Alert color="red" role="alert" title={tc('states.error')}>
        {problemMessage(household.error, tc('states.error'))}
      </Alert>
    );
  }
  const h = household.data;
  const head = h.headName ?? h.householdCode ?? '—';
  return (
    <Stack maw={760}>
      <Title order={2}>{t('survey.formTitle', { head })}</Title>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <SurveyForm round={round} household={h} />
      </Paper>
    </Stack>
  );
}

function SurveyForm({
  round,
  household,
}: {
  round: Round;
  household: { householdId: string; village: string | null; area: 'rural' | 'urban' };
}) {
  const { t, i18n } = useTranslation('reviewRounds');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { submit, error } = useSubmitEntry(household.householdId);
  // One key per form opening: a resend (a lost answer, a second tap) records the survey once.
  const [key] = useState(() => crypto.randomUUID());
  const village = household.village ?? params.get('village') ?? '';
  const form = useForm<SurveyFields, unknown, SurveyInput>({
    resolver: zodResolver(SurveySchema as never, { error: emptyIs(tc('required')) }) as never,
    defaultValues: { surveyedOn: todayInVietnam(), village, applied: false, document: '', result: emptyResult() },
  });
  const draft = useDraft(`round-survey.${round.roundId}.${household.householdId}`, form);
  const values = useWatch({ control: form.control }) as SurveyFields;
  const rules = useRules(values.surveyedOn);
  const data = rules.data?.standardsData;
  const standard = roundStandard(round.listYear, data);
  const preview = previewResult(values.result, round, household.area, values.surveyedOn, data, language);
  const met = round.households.find((p) => p.householdId === household.householdId && p.meeting !== 'pending');
  const back = () =>
    navigate(
      `/review-rounds/${round.roundId}/survey${values.village.trim() ? `?village=${encodeURIComponent(values.village.trim())}` : ''}`,
    );
  const { errors, isSubmitting } = form.formState;
  const save = form.handleSubmit(async (input) => {
    const done = await submit({
      kind: 'roundSurvey',
      key,
      roundId: round.roundId,
      path: `/v1/review-rounds/${round.roundId}/surveys`,
      body: {
        householdId: household.householdId,
        surveyedOn: input.surveyedOn,
        applied: input.applied,
        village: input.village,
        ...(input.document !== undefined ? { document: input.document } : {}),
        ...input.result,
      },
    });
    if (done) {
      draft.clear();
      back();
    }
  });
  const control = form.control as unknown as Control<FieldValues>;
  return (
    <form onSubmit={save} noValidate>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {met?.meetingHeldOn && (
          <Alert color="orange" role="alert">
            {t('survey.metAlready', { date: formatDate(met.meetingHeldOn, language) })}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <FormDateField control={form.control} name="surveyedOn" label={t('survey.surveyedOn')} required />
          <TextInput
            label={t('survey.villageOfHousehold')}
            description={t('survey.villageOfHouseholdHint')}
            required
            error={errors.village?.message}
            {...form.register('village')}
          />
        </SimpleGrid>
        <Checkbox label={t('survey.applied')} {...form.register('applied')} />
        <ResultFields control={control} prefix="result." standard={standard} />
        <ResultPreview preview={preview} listYear={round.listYear} />
        <TextInput
          label={t('survey.document')}
          maxLength={200}
          error={errors.document?.message}
          {...form.register('document')}
        />
        {errors.result?.root?.message && <Text c="red">{errors.result.root.message}</Text>}
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {t('survey.save')}
          </Button>
          <Button variant="default" onClick={back}>
            {t('survey.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
