import { ETHNIC_GROUPS, foldText, HouseholdMemberAdded, IsoDate, MemberFacts, MemberPerson } from '@benvung/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type Control, Controller, type FieldPath, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormDateField } from '../../../components/ui/form-date-field';
import { todayInVietnam } from '../../../lib/format';
import { useDraft } from '../../../lib/offline/use-draft';
import { emptyIs } from '../../../lib/required-message';
import type { CurrentMember } from '../member-changes';

const F = MemberFacts.shape;
const ADD_REASONS = HouseholdMemberAdded.shape.data.shape.reason.options;
const ETHNIC_OPTIONS = ETHNIC_GROUPS.map(([code, name]) => ({ value: code, label: name }));

/** A member as the domain takes it, the reason and date of the entry. */
const MemberValues = z.object({
  person: MemberPerson,
  facts: MemberFacts,
  reason: HouseholdMemberAdded.shape.data.shape.reason,
  occurredAt: IsoDate,
});
export type MemberValues = z.infer<typeof MemberValues>;

/** What the form holds: every field may be empty. */
export interface MemberFields {
  person: { fullName: string; nationalId: string };
  facts: {
    sex: string;
    birthYear: number | '';
    relationship: string;
    ethnicity: string;
    disability: string;
    healthInsurance: '' | 'yes' | 'no';
    schooling: string;
    working: string;
  };
  reason: MemberValues['reason'];
  occurredAt: string;
}

const given = <T,>(value: T | '') => (value === '' ? undefined : value);
const toValues = (v: MemberFields) => ({
  person: { fullName: v.person.fullName, nationalId: given(v.person.nationalId.trim()) },
  facts: {
    sex: given(v.facts.sex),
    birthYear: given(v.facts.birthYear),
    relationship: given(v.facts.relationship),
    ethnicity: given(v.facts.ethnicity),
    disability: given(v.facts.disability),
    healthInsurance: v.facts.healthInsurance === '' ? undefined : v.facts.healthInsurance === 'yes',
    schooling: given(v.facts.schooling),
    working: given(v.facts.working),
  },
  reason: v.reason,
  occurredAt: v.occurredAt,
});
const MemberSchema = z.preprocess((v) => toValues(v as MemberFields), MemberValues);

/** The form's fields for a member as listed (changing them), or empty (adding one). */
function fieldsOf(member: CurrentMember | undefined): MemberFields {
  const f = member?.facts ?? {};
  return {
    person: { fullName: member?.fullName ?? '', nationalId: member?.nationalId ?? '' },
    facts: {
      sex: f.sex ?? '',
      birthYear: f.birthYear ?? '',
      relationship: f.relationship ?? '',
      ethnicity: f.ethnicity ?? '',
      disability: f.disability ?? '',
      healthInsurance: f.healthInsurance === undefined ? '' : f.healthInsurance ? 'yes' : 'no',
      schooling: f.schooling ?? '',
      working: f.working ?? '',
    },
    reason: 'listed',
    occurredAt: todayInVietnam(),
  };
}

interface ChoiceProps {
  control: Control<MemberFields, unknown, MemberValues>;
  name: FieldPath<MemberFields>;
  label: string;
  options: Array<{ value: string; label: string }>;
  required?: boolean;
  error?: string | undefined;
  searchable?: boolean;
  description?: string;
}

/** One of a list of values, or none (unless required). */
function Choice({ control, name, label, options, required, error, searchable, description }: ChoiceProps) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Select
          label={label}
          description={description}
          required={required}
          clearable={!required}
          searchable={searchable}
          value={(field.value as string) || null}
          onChange={(v) => field.onChange(v ?? '')}
          onBlur={field.onBlur}
          error={error}
          data={options}
          filter={
            searchable
              ? ({ options: all, search }) => {
                  const typed = foldText(search);
                  return all.filter((o) => 'label' in o && foldText(o.label).includes(typed));
                }
              : undefined
          }
        />
      )}
    />
  );
}

interface MemberFormProps {
  /** Whose details to change; a new member when absent. */
  member?: CurrentMember | undefined;
  draftKey: string;
  onSubmit(values: MemberValues): Promise<boolean>;
  onCancel(): void;
  error?: string | undefined;
}

/** A member's name, ID number and the facts the programme follows (MemberFacts). */
export function MemberForm({ member, draftKey, onSubmit, onCancel, error }: MemberFormProps) {
  const { t } = useTranslation('members');
  const { t: tc } = useTranslation();
  const form = useForm<MemberFields, unknown, MemberValues>({
    resolver: zodResolver(MemberSchema as never, { error: emptyIs(tc('required')) }) as never,
    defaultValues: fieldsOf(member),
  });
  const draft = useDraft(draftKey, form);
  const { errors, isSubmitting } = form.formState;
  const fe = errors.facts;
  const submit = form.handleSubmit(async (values) => {
    if (await onSubmit(values)) draft.clear();
  });
  const options = <K extends string>(values: readonly K[], label: (k: K) => string) =>
    values.map((v) => ({ value: v, label: label(v) }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Fieldset legend={t('person')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('fullName')}
              required
              autoComplete="off"
              maxLength={200}
              error={errors.person?.fullName?.message}
              {...form.register('person.fullName')}
            />
            <TextInput
              label={t('nationalId')}
              description={t('nationalIdHint')}
              inputMode="numeric"
              autoComplete="off"
              maxLength={12}
              error={errors.person?.nationalId ? t('nationalIdInvalid') : undefined}
              {...form.register('person.nationalId')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('facts')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Choice
              control={form.control}
              name="facts.relationship"
              label={t('relationship')}
              required
              error={fe?.relationship?.message}
              options={options(F.relationship.options, (r) => t(`relationships.${r}`))}
            />
            <Choice
              control={form.control}
              name="facts.sex"
              label={t('sex')}
              required
              error={fe?.sex?.message}
              options={options(F.sex.options, (s) => t(`sexes.${s}`))}
            />
            <Controller
              control={form.control}
              name="facts.birthYear"
              render={({ field }) => (
                <NumberInput
                  label={t('birthYear')}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator=""
                  inputMode="numeric"
                  min={1900}
                  max={2100}
                  value={field.value}
                  onChange={(v) => field.onChange(v === '' ? '' : Number(v))}
                  onBlur={field.onBlur}
                  error={fe?.birthYear?.message}
                />
              )}
            />
            <Choice
              control={form.control}
              name="facts.ethnicity"
              label={t('ethnicity')}
              description={t('ethnicityHint')}
              searchable
              error={fe?.ethnicity?.message}
              options={ETHNIC_OPTIONS}
            />
            <Choice
              control={form.control}
              name="facts.disability"
              label={t('disability')}
              error={fe?.disability?.message}
              options={options(F.disability.unwrap().options, (d) => t(`disabilities.${d}`))}
            />
            <Choice
              control={form.control}
              name="facts.healthInsurance"
              label={t('healthInsurance')}
              options={options(['yes', 'no'] as const, (i) => t(`insurance.${i}`))}
            />
            <Choice
              control={form.control}
              name="facts.schooling"
              label={t('schooling')}
              error={fe?.schooling?.message}
              options={options(F.schooling.unwrap().options, (s) => t(`schoolings.${s}`))}
            />
            <Choice
              control={form.control}
              name="facts.working"
              label={t('working')}
              error={fe?.working?.message}
              options={options(F.working.unwrap().options, (w) => t(`workings.${w}`))}
            />
          </SimpleGrid>
        </Fieldset>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {!member && (
            <Choice
              control={form.control}
              name="reason"
              label={t('addReason')}
              required
              error={errors.reason?.message}
              options={options(ADD_REASONS, (r) => t(`addReasons.${r}`))}
            />
          )}
          <FormDateField control={form.control} name="occurredAt" label={t('occurredAt')} required />
        </SimpleGrid>
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
  );
}
