import { Checkbox, NumberInput, Select, TextInput } from '@mantine/core';
import { Controller, type FieldPath, get, useFormContext } from 'react-hook-form';
import { DateField } from '../../../components/ui/date-field';
import type { SupportFields } from '../support-input';

/*
 * The support form's inputs, bound to its fields by name (inside its FormProvider): each shows its
 * label and the domain's message for its value.
 */

type Name = FieldPath<SupportFields>;

interface FieldProps {
  name: Name;
  label: string;
  required?: boolean;
  description?: string | undefined;
}

function useError(name: Name): string | undefined {
  const { formState } = useFormContext<SupportFields>();
  return (get(formState.errors, name) as { message?: string } | undefined)?.message;
}

export function TextField({ name, label, required, description }: FieldProps) {
  const { register } = useFormContext<SupportFields>();
  return (
    <TextInput
      label={label}
      description={description}
      required={required}
      maxLength={500}
      autoComplete="off"
      error={useError(name)}
      {...register(name)}
    />
  );
}

/** A whole number, or an amount of đồng grouped as 1.500.000 ₫. */
export function NumberField({
  name,
  label,
  required,
  description,
  money,
  decimal,
}: FieldProps & { money?: boolean; decimal?: boolean }) {
  const { control } = useFormContext<SupportFields>();
  const error = useError(name);
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <NumberInput
          label={label}
          description={description}
          required={required}
          thousandSeparator={money ? '.' : ''}
          decimalSeparator=","
          allowDecimal={Boolean(decimal)}
          decimalScale={decimal ? 3 : undefined}
          allowNegative={false}
          inputMode={decimal ? 'decimal' : 'numeric'}
          suffix={money ? ' ₫' : undefined}
          value={field.value as number | ''}
          onChange={(v) => field.onChange(v === '' ? '' : Number(v))}
          onBlur={field.onBlur}
          error={error}
        />
      )}
    />
  );
}

export function ChoiceField({
  name,
  label,
  required,
  description,
  options,
}: FieldProps & { options: Array<{ value: string; label: string }> }) {
  const { control } = useFormContext<SupportFields>();
  const error = useError(name);
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
          value={(field.value as string) || null}
          onChange={(v) => field.onChange(v ?? '')}
          onBlur={field.onBlur}
          error={error}
          data={options}
        />
      )}
    />
  );
}

export function DateInputField({ name, label, required, description }: FieldProps) {
  const { control } = useFormContext<SupportFields>();
  const error = useError(name);
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <DateField
          label={label}
          required={required}
          description={description}
          value={field.value as string}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={error}
        />
      )}
    />
  );
}

export function CheckField({ name, label }: FieldProps) {
  const { control } = useFormContext<SupportFields>();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Checkbox
          label={label}
          checked={Boolean(field.value)}
          onChange={(e) => field.onChange(e.currentTarget.checked)}
          onBlur={field.onBlur}
        />
      )}
    />
  );
}
