import { HouseholdHead, RegisterHousehold } from '@benvung/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, NumberInput, Stack, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useDraft } from '../../../lib/offline/use-draft';
import { type Commune, CommuneInput, resolveCommune } from '../../units';

/** The form's fields: the domain's registration schema, with the commune typed as text. */
const RegisterFields = RegisterHousehold.pick({ memberCount: true }).extend({
  headName: HouseholdHead.shape.fullName,
  unit: z.string().trim().min(1),
  village: z.string().trim().max(200),
  householdCode: z.string().trim().max(50),
});
export type RegisterFields = z.infer<typeof RegisterFields>;

export interface RegisterValues {
  head: { fullName: string };
  memberCount: number;
  unitCode: string;
  village?: string;
  householdCode?: string;
}

interface RegisterFormProps {
  communes: readonly Commune[];
  /** True when the household was registered (the draft is then dropped). */
  onSubmit(values: RegisterValues): Promise<boolean>;
  error?: string | undefined;
}

/** Register a household: labelled fields a case worker fills on a phone. */
export function RegisterForm({ communes, onSubmit, error }: RegisterFormProps) {
  const { t } = useTranslation('households');
  const form = useForm<RegisterFields>({
    resolver: zodResolver(RegisterFields),
    defaultValues: {
      headName: '',
      memberCount: 1,
      unit: communes.length === 1 && communes[0] ? `${communes[0].code} — ${communes[0].name}` : '',
      village: '',
      householdCode: '',
    },
  });
  const draft = useDraft('register', form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    const commune = resolveCommune(values.unit, communes);
    if (!commune) {
      form.setError('unit', { message: t('register.unknownUnit') });
      return;
    }
    const registered = await onSubmit({
      head: { fullName: values.headName },
      memberCount: values.memberCount,
      unitCode: commune.code,
      ...(values.village ? { village: values.village } : {}),
      ...(values.householdCode ? { householdCode: values.householdCode } : {}),
    });
    if (registered) draft.clear();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput
          label={t('register.headName')}
          required
          autoComplete="off"
          error={errors.headName?.message}
          {...form.register('headName')}
        />
        <Controller
          control={form.control}
          name="memberCount"
          render={({ field }) => (
            <NumberInput
              label={t('register.memberCount')}
              required
              min={1}
              max={100}
              allowDecimal={false}
              allowNegative={false}
              inputMode="numeric"
              value={field.value}
              onChange={(v) => field.onChange(typeof v === 'number' ? v : Number(v))}
              onBlur={field.onBlur}
              error={errors.memberCount?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="unit"
          render={({ field }) => (
            <CommuneInput
              label={t('register.unit')}
              communes={communes}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.unit?.message}
              required
            />
          )}
        />
        <TextInput label={t('register.village')} error={errors.village?.message} {...form.register('village')} />
        <TextInput
          label={t('register.householdCode')}
          error={errors.householdCode?.message}
          {...form.register('householdCode')}
        />
        <Button type="submit" loading={isSubmitting}>
          {t('register.save')}
        </Button>
      </Stack>
    </form>
  );
}
