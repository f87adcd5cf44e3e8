import { DocumentRef, IsoDate, MeetingOutcomeInput, VillageName } from '@benvung/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { type Control, Controller, type FieldValues, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { FormDateField } from '../../../components/ui/form-date-field';
import { type Language, todayInVietnam } from '../../../lib/format';
import { emptyIs } from '../../../lib/required-message';
import { useRules } from '../../reviews/api/get-rules';
import type { Round } from '../api/rounds';
import { useRoundSteps } from '../api/steps';
import { type HouseholdName, useHouseholdNames } from '../api/village-households';
import { emptyResult, previewResult, type ResultFields as Result, roundStandard, toResult } from '../result';
import { ResultFields } from './result-fields';
import { ResultPreview } from './result-preview';
import { stepError } from './step-error';

const MeetingInput = z.object({
  village: VillageName,
  heldOn: IsoDate,
  document: DocumentRef,
  outcomes: z.array(MeetingOutcomeInput).min(1),
});
type MeetingInput = z.infer<typeof MeetingInput>;

interface MeetingFields {
  village: string;
  heldOn: string;
  document: string;
  outcomes: Array<{ householdId: string; outcome: 'agreed' | 'changed'; result: Result }>;
}

const toInput = (v: MeetingFields) => ({
  village: v.village,
  heldOn: v.heldOn,
  document: v.document.trim(),
  outcomes: v.outcomes.map((o) =>
    o.outcome === 'changed'
      ? { householdId: o.householdId, outcome: o.outcome, result: toResult(o.result) }
      : { householdId: o.householdId, outcome: o.outcome },
  ),
});
const MeetingSchema = z.preprocess((v) => toInput(v as MeetingFields), MeetingInput);

/**
 * /review-rounds/:id/meeting — a village meeting (bình xét): an outcome for every household of the
 * village still waiting, agreed or changed (with the result the meeting agreed on).
 */
export function MeetingScreen({ round }: { round: Round }) {
  const { t } = useTranslation('reviewRounds');
  const [params, setParams] = useSearchParams();
  const waiting = round.villages.filter((v) => v.pendingMeeting > 0).map((v) => v.village);
  const asked = params.get('village') ?? '';
  const village = waiting.includes(asked) ? asked : (waiting[0] ?? '');
  const names = useHouseholdNames(round.unitCode, round.households);
  return (
    <Stack maw={760}>
      <Title order={2}>{t('meeting.title')}</Title>
      <Text size="sm">{t('meeting.intro')}</Text>
      {waiting.length === 0 ? (
        <Alert color="blue">{t('meeting.noneWaiting')}</Alert>
      ) : (
        <>
          <NativeSelect
            label={t('meeting.village')}
            value={village}
            onChange={(e) => setParams({ village: e.currentTarget.value }, { replace: true })}
            data={waiting}
          />
          <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
            <MeetingForm key={village} round={round} village={village} names={names} />
          </Paper>
        </>
      )}
    </Stack>
  );
}

function MeetingForm({ round, village, names }: { round: Round; village: string; names: Map<string, HouseholdName> }) {
  const { t, i18n } = useTranslation('reviewRounds');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const navigate = useNavigate();
  const steps = useRoundSteps(round.roundId);
  const [key] = useState(() => crypto.randomUUID());
  const pending = round.households.filter((h) => h.village === village && h.meeting === 'pending');
  const form = useForm<MeetingFields, unknown, MeetingInput>({
    resolver: zodResolver(MeetingSchema as never, { error: emptyIs(tc('required')) }) as never,
    defaultValues: {
      village,
      heldOn: todayInVietnam(),
      document: '',
      outcomes: pending.map((h) => ({ householdId: h.householdId, outcome: 'agreed', result: emptyResult() })),
    },
  });
  const values = useWatch({ control: form.control }) as MeetingFields;
  const rules = useRules(values.heldOn);
  const data = rules.data?.standardsData;
  const standard = roundStandard(round.listYear, data);
  const control = form.control as unknown as Control<FieldValues>;
  const { errors, isSubmitting } = form.formState;
  const save = form.handleSubmit(async (body) => {
    try {
      await steps.meeting.mutateAsync({ body, key, version: round.version });
      notifications.show({ color: 'teal', message: t('meeting.saved') });
      navigate(`/review-rounds/${round.roundId}`);
    } catch {
      // shown above the form
    }
  });
  return (
    <form onSubmit={save} noValidate>
      <Stack>
        {steps.meeting.isError && (
          <Alert color="red" role="alert">
            {stepError(steps.meeting.error, t('stale'), tc('states.error'))}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <FormDateField control={form.control} name="heldOn" label={t('meeting.heldOn')} required />
          <TextInput
            label={t('meeting.document')}
            description={t('meeting.documentHint')}
            required
            maxLength={200}
            error={errors.document?.message}
            {...form.register('document')}
          />
        </SimpleGrid>
        {pending.map((h, i) => {
          const head = names.get(h.householdId)?.headName ?? h.householdId.slice(0, 8);
          const outcome = values.outcomes?.[i]?.outcome ?? 'agreed';
          return (
            <Fieldset key={h.householdId} legend={t('meeting.household', { head })}>
              <Stack>
                <Text size="sm">{t('meeting.proposed', { result: tc(`classification.${h.proposed}`) })}</Text>
                <Controller
                  control={form.control}
                  name={`outcomes.${i}.outcome`}
                  render={({ field }) => (
                    <Radio.Group label={t('meeting.outcome')} value={field.value} onChange={field.onChange}>
                      <Group>
                        <Radio value="agreed" label={t('meeting.agreed')} />
                        <Radio value="changed" label={t('meeting.changed')} />
                      </Group>
                    </Radio.Group>
                  )}
                />
                {outcome === 'changed' && (
                  <Stack>
                    <Text fw={600} size="sm">
                      {t('meeting.changedResult')}
                    </Text>
                    <ResultFields control={control} prefix={`outcomes.${i}.result.`} standard={standard} />
                    <ResultPreview
                      preview={previewResult(
                        values.outcomes[i]?.result ?? emptyResult(),
                        round,
                        names.get(h.householdId)?.area ?? 'rural',
                        values.heldOn,
                        data,
                        language,
                      )}
                      listYear={round.listYear}
                    />
                  </Stack>
                )}
              </Stack>
            </Fieldset>
          );
        })}
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {t('meeting.save')}
          </Button>
          <Button variant="default" onClick={() => navigate(`/review-rounds/${round.roundId}`)}>
            {tc('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
