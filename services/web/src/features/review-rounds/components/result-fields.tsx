import type { PovertyStandard } from '@benvung/domain';
import { Checkbox, Group, NumberInput, Paper, Radio, SimpleGrid } from '@mantine/core';
import { type Control, Controller, type FieldValues, useController, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ResultFields as Fields } from '../result';

interface ResultFieldsProps {
  // The form holding the result under `prefix` (e.g. "" for a survey, "result." for a complaint).
  control: Control<FieldValues>;
  prefix: string;
  standard: PovertyStandard | undefined;
}

/** A number field of the form, empty as '' (the domain's schema then says "required"). */
function NumberField({
  control,
  name,
  label,
  description,
  money,
}: {
  control: Control<FieldValues>;
  name: string;
  label: string;
  description?: string;
  money?: boolean;
}) {
  const { field, fieldState } = useController({ control, name });
  return (
    <NumberInput
      label={label}
      description={description}
      thousandSeparator={money ? '.' : ''}
      decimalSeparator=","
      allowDecimal={false}
      allowNegative={false}
      inputMode="numeric"
      {...(money ? { suffix: ' ₫' } : {})}
      value={field.value as number | ''}
      onChange={(v) => field.onChange(v === '' ? '' : Number(v))}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}

/**
 * A household's result: income per person or the review form's scores (B1, B2), and the indicator
 * checklist of the round's standard. Used by the survey, a meeting that changes a result and an upheld
 * complaint.
 */
export function ResultFields({ control, prefix, standard }: ResultFieldsProps) {
  const { t, i18n } = useTranslation('reviewRounds');
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const by = useWatch({ control, name: `${prefix}by` }) as Fields['by'];
  // Form scores exist only where the standard defines them; a result recorded by scores stays editable.
  const scoring = Boolean(standard?.formScores) || by === 'scores';
  return (
    <>
      {scoring && (
        <Controller
          control={control}
          name={`${prefix}by`}
          render={({ field }) => (
            <Radio.Group label={t('result.by')} value={field.value} onChange={field.onChange}>
              <Group mt="xs">
                <Radio value="income" label={t('result.byIncome')} />
                <Radio value="scores" label={t('result.byScores')} />
              </Group>
            </Radio.Group>
          )}
        />
      )}
      {by === 'scores' ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberField
            control={control}
            name={`${prefix}formScores.incomeProxyPoints`}
            label={t('result.incomeProxy')}
          />
          <NumberField
            control={control}
            name={`${prefix}formScores.deprivationPoints`}
            label={t('result.deprivationPoints')}
            description={t('result.deprivationPointsHint')}
          />
        </SimpleGrid>
      ) : (
        <NumberField control={control} name={`${prefix}incomePerCapitaVnd`} label={t('result.income')} money />
      )}
      <Paper withBorder p="sm">
        <Controller
          control={control}
          name={`${prefix}deprivations`}
          render={({ field, fieldState }) => (
            <Checkbox.Group
              label={t('result.deprivations')}
              description={
                standard
                  ? t('result.deprivationsHint', { standard: standard.names?.[lang] ?? standard.id })
                  : t('result.noStandard')
              }
              value={field.value as string[]}
              onChange={field.onChange}
              error={fieldState.error?.message}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
                {(standard?.indicators ?? []).map((i) => (
                  <Checkbox
                    key={i.code}
                    value={i.code}
                    label={i.names[lang]}
                    description={t(`result.dimensions.${i.dimension}` as 'result.dimensions.health', {
                      defaultValue: i.dimension,
                    })}
                  />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )}
        />
      </Paper>
    </>
  );
}
