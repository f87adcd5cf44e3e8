import { formatDate, formatMoney, formatNumber, type Language } from '../../../lib/format';
import type { FieldSpec } from '../amendment';

export type Choices = Record<string, Array<{ value: string; label: string }>>;

interface Texts {
  language: Language;
  yes: string;
  no: string;
  /** The label of a coded value, or undefined when none is known. */
  label(key: string, value: string): string | undefined;
}

/** A field's value as a reader sees it: dd/mm/yyyy, 1.500.000 ₫, labels for codes, — when empty. */
export function valueText(spec: FieldSpec, value: unknown, texts: Texts): string {
  if (value === undefined || value === null || value === '') return '—';
  const { language } = texts;
  switch (spec.kind) {
    case 'date':
      return formatDate(String(value), language);
    case 'money':
      return formatMoney(Number(value), language);
    case 'integer':
      return spec.key === 'listYear' ? String(value) : formatNumber(Number(value), language);
    case 'decimal':
      return formatNumber(Number(value), language, 3);
    case 'yesNo':
      return value ? texts.yes : texts.no;
    case 'list':
      return Array.isArray(value) && value.length > 0
        ? value.map((v) => texts.label(spec.key, String(v)) ?? String(v)).join(', ')
        : '—';
    default:
      return texts.label(spec.key, String(value)) ?? String(value);
  }
}
