import type { LoanState } from '@benvung/domain';
import { Alert, SimpleGrid } from '@mantine/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatMoney, type Language } from '../../../lib/format';
import type { SupportRules } from '../rules-on';
import type { LoanAction, SupportFields } from '../support-input';
import { ChoiceField, NumberField, TextField } from './fields';

interface LoanFollowUpProps {
  action: Exclude<LoanAction, 'granted'>;
  /** The household's loans still owing (undefined while its history loads). */
  loans: readonly LoanState[] | undefined;
  rules: SupportRules | undefined;
}

/** A repayment, an overdue or a write-off of a loan picked from the household's history. */
export function LoanFollowUpFields({ action, loans, rules }: LoanFollowUpProps) {
  const { t, i18n } = useTranslation('support');
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const { control } = useFormContext<SupportFields>();
  const loanId = useWatch({ control, name: 'loanId' });
  if (loans && loans.length === 0) return <Alert color="gray">{t('loan.none')}</Alert>;
  const programmeName = (id: string) => rules?.loanProgrammes.find((p) => p.id === id)?.names[language] ?? id;
  const picked = loans?.find((l) => l.loanId === loanId);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <ChoiceField
        name="loanId"
        label={t('loan.pick')}
        required
        description={t('loan.pickHint')}
        options={(loans ?? []).map((l) => ({
          value: l.loanId,
          label:
            t('loan.option', {
              loanId: l.loanId,
              programme: programmeName(l.programme),
              amount: formatMoney(l.amountVnd, language),
              outstanding: formatMoney(l.outstandingVnd, language),
            }) + (l.status === 'overdue' ? t('loan.overdueMark') : ''),
        }))}
      />
      {action === 'repaid' && (
        <NumberField
          name="amountVnd"
          label={t('loan.repaidAmount')}
          required
          money
          description={
            picked ? t('loan.outstanding', { amount: formatMoney(picked.outstandingVnd, language) }) : undefined
          }
        />
      )}
      {action === 'overdue' && <NumberField name="overdueAmountVnd" label={t('loan.overdueAmount')} money />}
      {action === 'written_off' && <TextField name="reason" label={t('loan.writeOffReason')} required />}
    </SimpleGrid>
  );
}
