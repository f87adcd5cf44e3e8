import { type Control, type FieldPath, type FieldValues, useController } from 'react-hook-form';
import { DateField } from './date-field';

interface FormDateFieldProps<T extends FieldValues> {
  // Whatever the form turns its values into on submit: this field is read and written as typed.
  control: Control<T, unknown, FieldValues>;
  name: FieldPath<T>;
  label: string;
  required?: boolean;
}

/** A date field bound to a react-hook-form field (kept as YYYY-MM-DD), with its validation message. */
export function FormDateField<T extends FieldValues>({ control, name, label, required }: FormDateFieldProps<T>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <DateField
      label={label}
      required={required ?? false}
      value={field.value ?? ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}
