import { SupportActionInput } from '@benvung/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Select, SimpleGrid, Stack } from '@mantine/core';
import { useMemo, useRef } from 'react';
import { FormProvider, type Resolver, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { formatMoney, type Language, todayInVietnam } from '../../../lib/format';
import { useDraft } from '../../../lib/offline/use-draft';
import { emptyIs } from '../../../lib/required-message';
import { useSupportRules } from '../api/get-rules';
import { useFollowUps } from '../api/use-follow-ups';
import { loanTermsOn, type SupportRules } from '../rules-on';
import {
  emptySupportFields,
  LOAN_ACTIONS,
  SUPPORT_KINDS,
  type SupportFields,
  TRAINING_STAGES,
  takesComponent,
  toSupportInput,
} from '../support-input';
import { ComponentField } from './component-field';
import { DateInputField } from './fields';
import { KindFields } from './kind-fields';
import { LoanFollowUpFields } from './loan-follow-up-fields';
import { LoanGrantFields } from './loan-grant-fields';
import { TrainingFields } from './training-fields';

/** The amount and term of a new loan beyond its programme's cap on the date, as form errors. */
function overCap(
  v: SupportFields,
  {
    rules,
    t,
    language,
  }: { rules: SupportRules | undefined; t: (key: string, options: object) => string; language: Language },
) {
  const errors: Partial<Record<'amountVnd' | 'termMonths', { type: string; message: string }>> = {};
  if (v.kind !== 'loan' || v.action !== 'granted' || !rules) return errors;
  const { cap } = loanTermsOn(rules, v.programme, v.occurredAt);
  if (cap?.maxAmountVnd !== undefined && v.amountVnd !== '' && v.amountVnd > cap.maxAmountVnd) {
    errors.amountVnd = { type: 'cap', message: t('loan.overCap', { max: formatMoney(cap.maxAmountVnd, language) }) };
  }
  if (cap?.maxTermMonths !== undefined && v.termMonths !== '' && v.termMonths > cap.maxTermMonths) {
    errors.termMonths = { type: 'cap', message: t('loan.overTerm', { max: cap.maxTermMonths }) };
  }
  return errors;
}

/** A short record number for a new training, which the user may replace by the provider's. */
const newTrainingId = () => `DT-${crypto.randomUUID().slice(0, 8).toUpperCase()}`;

interface SupportFormProps {
  householdId: string;
  onSubmit(input: SupportActionInput): Promise<boolean>;
  onCancel(): void;
  error?: string | undefined;
}

/** A support action: its kind first (and a loan's transaction or a training's stage), then its fields. */
export function SupportForm({ householdId, onSubmit, onCancel, error }: SupportFormProps) {
  const { t, i18n } = useTranslation('support');
  const { t: tc } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  // The resolver is made once; it reads the rules and texts of the latest render.
  const tx = t as unknown as (key: string, options: object) => string;
  const latest = useRef({ rules: undefined as SupportRules | undefined, t: tx, language });
  const resolver = useMemo(() => {
    const domain = zodResolver(z.preprocess((v) => toSupportInput(v as SupportFields), SupportActionInput) as never, {
      error: emptyIs(tc('required')),
    }) as unknown as Resolver<SupportFields, unknown, SupportActionInput>;
    return (async (values, context, options) => {
      const result = await domain(values, context, options);
      // The programme's cap on the loan's date, from the rules (the server checks it again).
      const over = overCap(values, latest.current);
      if (Object.keys(over).length === 0) return result;
      return { values: {}, errors: { ...result.errors, ...over } };
    }) as Resolver<SupportFields, unknown, SupportActionInput>;
  }, [tc]);
  const form = useForm<SupportFields, unknown, SupportActionInput>({
    resolver: resolver as never,
    defaultValues: emptySupportFields(todayInVietnam()),
  });
  const draft = useDraft(`support.${householdId}`, form);
  const [kind, action, stage, occurredAt] = useWatch({
    control: form.control,
    name: ['kind', 'action', 'stage', 'occurredAt'],
  });
  const { rules, shipped } = useSupportRules(occurredAt);
  latest.current = { rules, t: tx, language };
  const { followUps } = useFollowUps(householdId);
  const { isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (input) => {
    if (await onSubmit(input)) draft.clear();
  });
  const setTraining = (next: typeof stage) => {
    form.setValue('stage', next);
    form.setValue('trainingId', next === 'enrolled' ? newTrainingId() : '');
  };
  const dateKey = kind === 'loan' ? action : kind === 'training' ? stage : kind === 'health_insurance' ? kind : 'other';
  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {shipped && <Alert color="yellow">{t('shippedRules')}</Alert>}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('kind')}
              required
              allowDeselect={false}
              value={kind}
              onChange={(v) => {
                if (!v) return;
                form.setValue('kind', v as SupportFields['kind']);
                if (v === 'training' && stage === 'enrolled' && !form.getValues('trainingId')) setTraining('enrolled');
              }}
              data={SUPPORT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            />
            {kind === 'loan' && (
              <Select
                label={t('loanAction')}
                required
                allowDeselect={false}
                value={action}
                onChange={(v) => {
                  if (!v) return;
                  form.setValue('action', v as SupportFields['action']);
                  form.setValue('loanId', '');
                }}
                data={LOAN_ACTIONS.map((a) => ({ value: a, label: t(`loanActions.${a}`) }))}
              />
            )}
            {kind === 'training' && (
              <Select
                label={t('trainingStage')}
                required
                allowDeselect={false}
                value={stage}
                onChange={(v) => v && setTraining(v as SupportFields['stage'])}
                data={TRAINING_STAGES.map((s) => ({ value: s, label: t(`trainingStages.${s}`) }))}
              />
            )}
            <DateInputField name="occurredAt" label={t(`dates.${dateKey}`)} required />
          </SimpleGrid>
          {kind === 'loan' &&
            (action === 'granted' ? (
              <LoanGrantFields rules={rules} />
            ) : (
              <LoanFollowUpFields action={action} loans={followUps?.loans} rules={rules} />
            ))}
          {kind === 'training' && <TrainingFields stage={stage} trainings={followUps?.trainings} />}
          {kind !== 'loan' && kind !== 'training' && <KindFields kind={kind} />}
          {takesComponent({ kind, action, stage }) && <ComponentField rules={rules} />}
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
    </FormProvider>
  );
}
