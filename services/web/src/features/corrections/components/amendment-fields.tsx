import { MultiSelect, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { Controller, type FieldPath, get, useFormContext } from 'react-hook-form';
import { DateField } from '../../../components/ui/date-field';
import type { FieldSpec } from '../amendment';
import type { CorrectionFields } from '../correction-body';
import type { Choices } from './value-text';

interface AmendmentFieldsProps {
  specs: readonly FieldSpec[];
  /** Choices for coded fields: enums by their labels, programmes and indicators from the rules. */
  choices: Choices;
  labelOf(key: string): string;
  yesNo: { yes: string; no: string };
}

/** The amended event's fields, each edited as its domain schema types it. */
export function AmendmentFields({ specs, choices, labelOf, yesNo }: AmendmentFieldsProps) {
  const { control, formState } = useFormContext<CorrectionFields>();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {specs.map((spec) => {
        const name = `input.${spec.path}` as FieldPath<CorrectionFields>;
        const error = (get(formState.errors, name) as { message?: string } | undefined)?.message;
        const label = labelOf(spec.key);
        const options = choices[spec.key];
        return (
          <Controller
            key={spec.path}
            control={control}
            name={name}
            render={({ field }) => {
              const common = { label, error, required: spec.required && !spec.readOnly, onBlur: field.onBlur };
              const value = field.value as unknown;
              // Keep a value the choices do not know (a code retired since) selectable as it is.
              const withCurrent = (list: Array<{ value: string; label: string }>, current: string[]) => [
                ...list,
                ...current.filter((c) => c && !list.some((o) => o.value === c)).map((c) => ({ value: c, label: c })),
              ];
              if (spec.readOnly) return <TextInput {...common} readOnly value={String(value ?? '')} />;
              if (spec.kind === 'date') {
                return <DateField {...common} value={String(value ?? '')} onChange={field.onChange} />;
              }
              if (spec.kind === 'list') {
                const current = Array.isArray(value) ? (value as string[]) : [];
                return (
                  <MultiSelect
                    {...common}
                    searchable
                    value={current}
                    onChange={field.onChange}
                    data={withCurrent(options ?? [], current)}
                  />
                );
              }
              if (spec.kind === 'yesNo') {
                return (
                  <Select
                    {...common}
                    clearable
                    value={(value as string) || null}
                    onChange={(v) => field.onChange(v ?? '')}
                    data={[
                      { value: 'yes', label: yesNo.yes },
                      { value: 'no', label: yesNo.no },
                    ]}
                  />
                );
              }
              if (spec.kind === 'choice' || options) {
                return (
                  <Select
                    {...common}
                    clearable={!spec.required}
                    searchable
                    value={(value as string) || null}
                    onChange={(v) => field.onChange(v ?? '')}
                    data={withCurrent(options ?? [], [String(value ?? '')])}
                  />
                );
              }
              if (spec.kind === 'money' || spec.kind === 'integer' || spec.kind === 'decimal') {
                const money = spec.kind === 'money';
                return (
                  <NumberInput
                    {...common}
                    thousandSeparator={money ? '.' : ''}
                    decimalSeparator=","
                    allowDecimal={spec.kind === 'decimal'}
                    allowNegative={false}
                    suffix={money ? ' ₫' : undefined}
                    value={value as number | ''}
                    onChange={(v) => field.onChange(v === '' ? '' : Number(v))}
                  />
                );
              }
              if (spec.kind === 'longText') {
                return (
                  <Textarea
                    {...common}
                    autosize
                    minRows={3}
                    value={String(value ?? '')}
                    onChange={(e) => field.onChange(e.currentTarget.value)}
                  />
                );
              }
              return (
                <TextInput
                  {...common}
                  value={String(value ?? '')}
                  onChange={(e) => field.onChange(e.currentTarget.value)}
                />
              );
            }}
          />
        );
      })}
    </SimpleGrid>
  );
}
