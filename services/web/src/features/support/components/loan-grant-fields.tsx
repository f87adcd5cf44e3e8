import { SimpleGrid } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, formatNumber, type Language } from '../../../lib/format';
import { loanTermsOn, type SupportRules } from '../rules-on';
import type { SupportFields } from '../support-input';
import { ChoiceField, NumberField, TextField } from './fields';

/**
 * A new loan: the programme among those in force on the date, the annual rate pre-filled from the
 * dated VBSP rate table, the programme's cap on amount and term shown beside them.
 */
export function LoanGrantFields({ rules }: { rules: SupportRules | undefined }) {
  const { t, i18n } = useTranslation('support');
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const { control, getValues, setValue } = useFormContext<SupportFields>();
  const [programme, date] = useWatch({ control, name: ['programme', 'occurredAt'] });
  const { rate, cap } = rules ? loanTermsOn(rules, programme, date) : { rate: undefined, cap: undefined };
  const tableRate = rate?.annualRatePercent;
  // The rate follows the table as the programme or date changes, unless the user typed another one.
  const prefilled = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!rules) return;
    const current = getValues('annualRatePercent');
    if (current === '' || current === prefilled.current) setValue('annualRatePercent', tableRate ?? '');
    prefilled.current = tableRate;
  }, [rules, tableRate, getValues, setValue]);
  const rateHint = rate
    ? rate.validFrom
      ? t('loan.rateFromTable', {
          from: formatDate(rate.validFrom, language),
          rate: formatNumber(rate.annualRatePercent, language, 3),
        })
      : t('loan.rateFromTableOpen', { rate: formatNumber(rate.annualRatePercent, language, 3) })
    : programme
      ? t('loan.rateNone')
      : undefined;
  return (
    <>
      <ChoiceField
        name="programme"
        label={t('loan.programme')}
        required
        options={(rules?.loanProgrammes ?? []).map((p) => ({ value: p.id, label: p.names[language] }))}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberField
          name="amountVnd"
          label={t('loan.amount')}
          required
          money
          description={
            cap?.maxAmountVnd ? t('loan.capAmount', { max: formatMoney(cap.maxAmountVnd, language) }) : undefined
          }
        />
        <NumberField
          name="termMonths"
          label={t('loan.term')}
          required
          description={cap?.maxTermMonths ? t('loan.capTerm', { max: cap.maxTermMonths }) : undefined}
        />
        <NumberField name="annualRatePercent" label={t('loan.rate')} decimal description={rateHint} />
        <TextField name="loanId" label={t('loan.loanId')} required description={t('loan.loanIdHint')} />
        <TextField name="lender" label={t('loan.lender')} description={t('loan.lenderHint')} />
        <TextField name="purpose" label={t('loan.purpose')} />
      </SimpleGrid>
    </>
  );
}
