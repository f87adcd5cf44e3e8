import { AssessmentInput, listYearFor, type ReviewType, standardForListYear } from '@benvung/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Checkbox,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormDateField } from '../../../components/ui/form-date-field';
import { todayInVietnam } from '../../../lib/format';
import { useDraft } from '../../../lib/offline/use-draft';
import { useRules } from '../api/get-rules';
import { ReviewPreview } from './review-preview';

/** What the form holds: text fields may be empty, numbers may be unset. */
interface ReviewFields {
  reviewType: ReviewType;
  effectiveDate: string;
  listYear: number | '';
  incomePerCapitaVnd: number | '';
  deprivations: string[];
  decisionNo: string;
  approvedBy: string;
}

/** The form's values as the domain's review input: empty fields left out, then the domain's schema. */
const toInput = (v: ReviewFields) => ({
  reviewType: v.reviewType,
  effectiveDate: v.effectiveDate,
  deprivations: v.deprivations,
  ...(v.listYear !== '' ? { listYear: v.listYear } : {}),
  ...(v.incomePerCapitaVnd !== '' ? { incomePerCapitaVnd: v.incomePerCapitaVnd } : {}),
  ...(v.decisionNo.trim() ? { decisionNo: v.decisionNo.trim() } : {}),
  ...(v.approvedBy.trim() ? { approvedBy: v.approvedBy.trim() } : {}),
});
const ReviewSchema = z.preprocess((v) => toInput(v as ReviewFields), AssessmentInput);

interface ReviewFormProps {
  householdId: string;
  area: 'rural' | 'urban';
  onSubmit(input: AssessmentInput): Promise<boolean>;
  error?: string | undefined;
}

/**
 * A review: the standard's indicator checklist for the review's list year, the income, and the
 * classification previewed by the domain before saving.
 */
export function ReviewForm({ householdId, area, onSubmit, error }: ReviewFormProps) {
  const { t, i18n } = useTranslation('reviews');
  const form = useForm<ReviewFields, unknown, AssessmentInput>({
    // The schema takes the form's fields (preprocessed) and gives the domain's input.
    resolver: zodResolver(ReviewSchema as never) as never,
    defaultValues: {
      reviewType: 'periodic',
      effectiveDate: todayInVietnam(),
      listYear: '',
      incomePerCapitaVnd: '',
      deprivations: [],
      decisionNo: '',
      approvedBy: '',
    },
  });
  const draft = useDraft(`review.${householdId}`, form);
  const values = useWatch({ control: form.control }) as ReviewFields;
  const rules = useRules(values.effectiveDate);
  const data = rules.data?.standardsData;
  let standard: ReturnType<typeof standardForListYear> | undefined;
  try {
    if (data) {
      const year = listYearFor(
        values.reviewType,
        values.effectiveDate,
        values.listYear === '' ? undefined : values.listYear,
        data.listYearRules,
      );
      standard = standardForListYear(year, data.standards);
    }
  } catch {
    standard = undefined;
  }
  const parsed = AssessmentInput.safeParse(toInput(values));
  const preview = parsed.success ? { ...parsed.data, area } : undefined;
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (input) => {
    if (await onSubmit(input)) draft.clear();
  });
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={form.control}
            name="reviewType"
            render={({ field }) => (
              <NativeSelect
                label={t('reviewType')}
                required
                value={field.value}
                onChange={(e) => field.onChange(e.currentTarget.value)}
                data={(['periodic', 'regular', 'baseline'] as const).map((r) => ({
                  value: r,
                  label: t(`reviewTypes.${r}`),
                }))}
              />
            )}
          />
          <FormDateField control={form.control} name="effectiveDate" label={t('effectiveDate')} required />
          <Controller
            control={form.control}
            name="incomePerCapitaVnd"
            render={({ field }) => (
              <NumberInput
                label={t('income')}
                thousandSeparator="."
                decimalSeparator=","
                allowDecimal={false}
                allowNegative={false}
                inputMode="numeric"
                suffix=" ₫"
                value={field.value}
                onChange={(v) => field.onChange(v === '' ? '' : Number(v))}
                onBlur={field.onBlur}
                error={errors.incomePerCapitaVnd?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="listYear"
            render={({ field }) => (
              <NumberInput
                label={t('listYear')}
                description={t('listYearHint')}
                allowDecimal={false}
                min={2016}
                max={2100}
                thousandSeparator=""
                value={field.value}
                onChange={(v) => field.onChange(v === '' ? '' : Number(v))}
                error={errors.listYear?.message}
              />
            )}
          />
        </SimpleGrid>
        <Paper withBorder p="sm">
          <Controller
            control={form.control}
            name="deprivations"
            render={({ field }) => (
              <Checkbox.Group
                label={t('deprivations')}
                description={standard ? t('deprivationsHint', { standard: standard.id }) : undefined}
                value={field.value}
                onChange={field.onChange}
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
                  {(standard?.indicators ?? []).map((i) => (
                    <Checkbox
                      key={i.code}
                      value={i.code}
                      label={i.names[lang]}
                      description={t(`dimensions.${i.dimension}` as 'dimensions.health', { defaultValue: i.dimension })}
                    />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            )}
          />
          {errors.deprivations && <Text c="red">{errors.deprivations.message}</Text>}
        </Paper>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('decisionNo')} error={errors.decisionNo?.message} {...form.register('decisionNo')} />
          <TextInput label={t('approvedBy')} error={errors.approvedBy?.message} {...form.register('approvedBy')} />
        </SimpleGrid>
        <ReviewPreview input={preview} data={data} />
        <Button type="submit" loading={isSubmitting}>
          {t('save')}
        </Button>
      </Stack>
    </form>
  );
}
