import { DocumentRef, IsoDate, ReceiveRoundComplaint, SurveyResult } from '@benvung/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { type Control, Controller, type FieldValues, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormDateField } from '../../../components/ui/form-date-field';
import { useUser } from '../../../lib/auth';
import { type Language, todayInVietnam } from '../../../lib/format';
import { emptyIs } from '../../../lib/required-message';
import { useRules } from '../../reviews/api/get-rules';
import type { Round, RoundHousehold } from '../api/rounds';
import { useRoundSteps } from '../api/steps';
import { type HouseholdName, useHouseholdNames } from '../api/village-households';
import { emptyResult, previewResult, type ResultFields as Result, roundStandard, toResult } from '../result';
import { ResultFields } from './result-fields';
import { ResultPreview } from './result-preview';
import { stepError } from './step-error';

const nameOf = (names: Map<string, HouseholdName>, id: string) => names.get(id)?.headName ?? id.slice(0, 8);

/**
 * /review-rounds/:id/complaints — complaints about a household's posted result: received by either
 * role from the posting's first day, resolved by supervisors (upheld with the new result, or rejected).
 */
export function ComplaintsScreen({ round }: { round: Round }) {
  const { t } = useTranslation('reviewRounds');
  const user = useUser();
  const names = useHouseholdNames(round.unitCode, round.households);
  const open = round.households.filter((h) => h.complaint === 'open');
  return (
    <Stack maw={760}>
      <Title order={2}>{t('complaints.title')}</Title>
      <Text size="sm">{t('complaints.intro')}</Text>
      {!round.posting ? (
        <Alert color="orange">{t('complaints.notPosted')}</Alert>
      ) : (
        <>
          <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="complaint-receive">
            <Title order={3} size="h4" mb="sm" id="complaint-receive">
              {t('complaints.receiveTitle')}
            </Title>
            <ReceiveForm round={round} names={names} />
          </Paper>
          <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="complaint-open">
            <Title order={3} size="h4" mb="sm" id="complaint-open">
              {t('complaints.open')}
            </Title>
            {open.length === 0 && <Text c="dimmed">{t('complaints.noneOpen')}</Text>}
            <Stack>
              {open.map((h) =>
                user.role === 'supervisor' ? (
                  <ResolveForm key={h.householdId} round={round} household={h} names={names} />
                ) : (
                  <Text key={h.householdId}>{nameOf(names, h.householdId)}</Text>
                ),
              )}
            </Stack>
          </Paper>
        </>
      )}
    </Stack>
  );
}

const ReceiveBody = ReceiveRoundComplaint.pick({ householdId: true, receivedOn: true, summary: true });
type ReceiveBody = z.infer<typeof ReceiveBody>;

function ReceiveForm({ round, names }: { round: Round; names: Map<string, HouseholdName> }) {
  const { t } = useTranslation('reviewRounds');
  const { t: tc } = useTranslation();
  const steps = useRoundSteps(round.roundId);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const form = useForm<ReceiveBody, unknown, ReceiveBody>({
    resolver: zodResolver(ReceiveBody as never, { error: emptyIs(tc('required')) }) as never,
    defaultValues: { householdId: '', receivedOn: todayInVietnam(), summary: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const candidates = round.households.filter((h) => h.complaint !== 'open');
  const save = form.handleSubmit(async (body) => {
    try {
      await steps.complaint.mutateAsync({ body, key });
      notifications.show({ color: 'teal', message: t('complaints.received') });
      form.reset({ householdId: '', receivedOn: body.receivedOn, summary: '' });
      setKey(crypto.randomUUID());
    } catch {
      // shown above the form
    }
  });
  return (
    <form onSubmit={save} noValidate>
      <Stack>
        {steps.complaint.isError && (
          <Alert color="red" role="alert">
            {stepError(steps.complaint.error, t('stale'), tc('states.error'))}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('complaints.household')}
            required
            error={errors.householdId?.message}
            data={[
              { value: '', label: t('complaints.chooseHousehold') },
              ...candidates.map((h) => ({
                value: h.householdId,
                label: `${nameOf(names, h.householdId)} (${h.village})`,
              })),
            ]}
            {...form.register('householdId')}
          />
          <FormDateField control={form.control} name="receivedOn" label={t('complaints.receivedOn')} required />
        </SimpleGrid>
        <Textarea
          label={t('complaints.summary')}
          required
          autosize
          minRows={2}
          maxLength={500}
          error={errors.summary?.message}
          {...form.register('summary')}
        />
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {t('complaints.receive')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const ResolutionInput = z
  .object({
    resolvedOn: IsoDate,
    outcome: z.enum(['upheld', 'rejected']),
    result: SurveyResult.optional(),
    document: DocumentRef.optional(),
  })
  .refine((b) => (b.outcome === 'upheld') === (b.result !== undefined), { path: ['result'] });
type ResolutionInput = z.infer<typeof ResolutionInput>;

interface ResolutionFields {
  resolvedOn: string;
  outcome: 'upheld' | 'rejected' | '';
  document: string;
  result: Result;
}

const toInput = (v: ResolutionFields) => ({
  resolvedOn: v.resolvedOn,
  outcome: v.outcome,
  ...(v.outcome === 'upheld' ? { result: toResult(v.result) } : {}),
  ...(v.document.trim() ? { document: v.document.trim() } : {}),
});
const ResolutionSchema = z.preprocess((v) => toInput(v as ResolutionFields), ResolutionInput);

function ResolveForm({
  round,
  household,
  names,
}: {
  round: Round;
  household: RoundHousehold;
  names: Map<string, HouseholdName>;
}) {
  const { t, i18n } = useTranslation('reviewRounds');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const steps = useRoundSteps(round.roundId);
  const [key] = useState(() => crypto.randomUUID());
  const form = useForm<ResolutionFields, unknown, ResolutionInput>({
    resolver: zodResolver(ResolutionSchema as never, { error: emptyIs(tc('required')) }) as never,
    defaultValues: { resolvedOn: todayInVietnam(), outcome: '', document: '', result: emptyResult() },
  });
  const values = useWatch({ control: form.control }) as ResolutionFields;
  const rules = useRules(values.resolvedOn);
  const data = rules.data?.standardsData;
  const head = nameOf(names, household.householdId);
  const { errors, isSubmitting } = form.formState;
  const save = form.handleSubmit(async (input) => {
    try {
      await steps.resolution.mutateAsync({
        body: { householdId: household.householdId, ...input },
        key,
        version: round.version,
      });
      notifications.show({ color: 'teal', message: t('complaints.resolved') });
    } catch {
      // shown above the form
    }
  });
  const titleId = `resolve-${household.householdId}`;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={titleId}>
      <form onSubmit={save} noValidate>
        <Stack>
          <Title order={4} size="h5" id={titleId}>
            {t('complaints.resolveTitle', { head })}
          </Title>
          <Text size="sm">{t('complaints.current', { result: tc(`classification.${household.current}`) })}</Text>
          {steps.resolution.isError && (
            <Alert color="red" role="alert">
              {stepError(steps.resolution.error, t('stale'), tc('states.error'))}
            </Alert>
          )}
          <Controller
            control={form.control}
            name="outcome"
            render={({ field }) => (
              <Radio.Group
                label={t('complaints.outcome')}
                required
                value={field.value}
                onChange={field.onChange}
                error={errors.outcome?.message}
              >
                <Stack gap="xs" mt="xs">
                  <Radio value="upheld" label={t('complaints.upheld')} />
                  <Radio value="rejected" label={t('complaints.rejected')} />
                </Stack>
              </Radio.Group>
            )}
          />
          <FormDateField control={form.control} name="resolvedOn" label={t('complaints.resolvedOn')} required />
          {values.outcome === 'upheld' && (
            <Stack>
              <Text fw={600} size="sm">
                {t('complaints.newResult')}
              </Text>
              <ResultFields
                control={form.control as unknown as Control<FieldValues>}
                prefix="result."
                standard={roundStandard(round.listYear, data)}
              />
              <ResultPreview
                preview={previewResult(
                  values.result,
                  round,
                  names.get(household.householdId)?.area ?? 'rural',
                  values.resolvedOn,
                  data,
                  language,
                )}
                listYear={round.listYear}
              />
            </Stack>
          )}
          <TextInput
            label={t('complaints.document')}
            maxLength={200}
            error={errors.document?.message}
            {...form.register('document')}
          />
          <Group>
            <Button type="submit" loading={isSubmitting}>
              {t('complaints.resolve')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
