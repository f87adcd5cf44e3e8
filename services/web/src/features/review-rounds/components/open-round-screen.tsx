import { OpenReviewRound } from '@benvung/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { FormDateField } from '../../../components/ui/form-date-field';
import { formatDate, type Language, todayInVietnam } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem';
import { emptyIs } from '../../../lib/required-message';
import { useRules } from '../../reviews/api/get-rules';
import { type Commune, useMyCommunes } from '../../units';
import { useOpenRound } from '../api/rounds';
import { campaignWindow, defaultListYear } from '../dates';

/** The body of POST /v1/review-rounds, by the domain's OpenReviewRound command. */
const OpenBody = OpenReviewRound.pick({
  kind: true,
  unitCode: true,
  listYear: true,
  openedOn: true,
  document: true,
  windowOverrideReason: true,
});
type OpenBody = z.infer<typeof OpenBody>;

interface OpenFields {
  kind: 'periodic' | 'regular';
  unitCode: string;
  listYear: number | '';
  openedOn: string;
  document: string;
  windowOverrideReason: string;
}

const toBody = (v: OpenFields) => ({
  kind: v.kind,
  unitCode: v.unitCode,
  listYear: v.listYear,
  openedOn: v.openedOn,
  ...(v.document.trim() ? { document: v.document.trim() } : {}),
  ...(v.windowOverrideReason.trim() ? { windowOverrideReason: v.windowOverrideReason.trim() } : {}),
});
const OpenSchema = z.preprocess((v) => toBody(v as OpenFields), OpenBody);

/** /review-rounds/new — a supervisor opens a round for a commune and list year. */
export function OpenRoundScreen() {
  const { t } = useTranslation('reviewRounds');
  const { t: tc } = useTranslation();
  const communes = useMyCommunes();
  return (
    <Stack maw={640}>
      <Title order={2}>{t('open.title')}</Title>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        {communes.data ? <OpenRoundForm communes={communes.data} /> : <Loader aria-label={tc('states.loading')} />}
      </Paper>
    </Stack>
  );
}

function OpenRoundForm({ communes }: { communes: Commune[] }) {
  const { t, i18n } = useTranslation('reviewRounds');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const navigate = useNavigate();
  const open = useOpenRound();
  // One key per form opening: a resend after a lost answer opens the round once.
  const [key] = useState(() => crypto.randomUUID());
  const today = todayInVietnam();
  const form = useForm<OpenFields, unknown, OpenBody>({
    resolver: zodResolver(OpenSchema as never, { error: emptyIs(tc('required')) }) as never,
    defaultValues: {
      kind: 'periodic',
      unitCode: communes.length === 1 ? (communes[0]?.code ?? '') : '',
      listYear: defaultListYear('periodic', today),
      openedOn: today,
      document: '',
      windowOverrideReason: '',
    },
  });
  const values = useWatch({ control: form.control }) as OpenFields;
  const rules = useRules(values.openedOn);
  const campaign = rules.data?.standardsData.listYearRules[values.kind]?.campaign;
  const period = campaignWindow(campaign, values.listYear, values.openedOn);
  const outside = period?.outside ?? false;
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (body) => {
    if (outside && !body.windowOverrideReason) {
      form.setError('windowOverrideReason', { message: tc('required') });
      return;
    }
    try {
      const answer = await open.mutateAsync({ body, key });
      notifications.show({ color: 'teal', message: t('open.opened') });
      navigate(`/review-rounds/${answer.roundId}`);
    } catch {
      // shown above the form
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {open.isError && (
          <Alert color="red" role="alert">
            {problemMessage(open.error, tc('states.error'))}
          </Alert>
        )}
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <Radio.Group
              label={t('open.kind')}
              required
              value={field.value}
              onChange={(kind) => {
                field.onChange(kind);
                form.setValue('listYear', defaultListYear(kind as OpenFields['kind'], values.openedOn));
              }}
            >
              <Group mt="xs">
                <Radio value="periodic" label={t('kindsLong.periodic')} />
                <Radio value="regular" label={t('kindsLong.regular')} />
              </Group>
            </Radio.Group>
          )}
        />
        <NativeSelect
          label={t('open.unit')}
          required
          error={errors.unitCode?.message}
          data={[
            { value: '', label: t('open.unknownUnit') },
            ...communes.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })),
          ]}
          {...form.register('unitCode')}
        />
        <Controller
          control={form.control}
          name="listYear"
          render={({ field }) => (
            <NumberInput
              label={t('open.listYear')}
              description={t('open.listYearHint')}
              required
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=""
              min={2000}
              max={2100}
              value={field.value}
              onChange={(v) => field.onChange(v === '' ? '' : Number(v))}
              onBlur={field.onBlur}
              error={errors.listYear?.message}
            />
          )}
        />
        <FormDateField control={form.control} name="openedOn" label={t('open.openedOn')} required />
        {period && values.kind === 'periodic' && (
          <Alert color={outside ? 'orange' : 'blue'} role={outside ? 'alert' : undefined}>
            <Text size="sm">
              {t('open.window', {
                listYear: values.listYear,
                from: formatDate(period.from, language),
                to: formatDate(period.to, language),
              })}
            </Text>
            {outside && <Text size="sm">{t('open.outside')}</Text>}
          </Alert>
        )}
        {outside && (
          <TextInput
            label={t('open.reason')}
            required
            maxLength={500}
            error={errors.windowOverrideReason?.message}
            {...form.register('windowOverrideReason')}
          />
        )}
        <TextInput
          label={t('open.document')}
          description={t('open.documentHint')}
          maxLength={200}
          error={errors.document?.message}
          {...form.register('document')}
        />
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {t('open.save')}
          </Button>
          <Button variant="default" onClick={() => navigate('/review-rounds')}>
            {t('open.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
