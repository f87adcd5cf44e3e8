import { DateInput, DatesProvider } from '@mantine/dates';
import 'dayjs/locale/vi';
import '@mantine/dates/styles.css';
import { useTranslation } from 'react-i18next';

/** dd/mm/yyyy, as typed on Vietnamese forms (also d/m/yyyy, and yyyy-mm-dd pasted). */
export function parseVietnameseDate(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso) return t;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return null;
  const [, d, mo, y] = m;
  const value = `${y}-${(mo ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : value;
}

interface DateFieldProps {
  label: string;
  /** YYYY-MM-DD, or '' when empty. */
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  error?: string | undefined;
  required?: boolean;
  description?: string;
  maxDate?: string;
}

/** A calendar date shown and typed as dd/mm/yyyy, kept as YYYY-MM-DD. */
export function DateField({ label, value, onChange, onBlur, error, required, description, maxDate }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'vi', firstDayOfWeek: 1 }}>
      <DateInput
        label={label}
        description={description}
        value={value || null}
        onChange={(v) => onChange(v ?? '')}
        onBlur={onBlur}
        valueFormat="DD/MM/YYYY"
        placeholder="dd/mm/yyyy"
        dateParser={(text) => parseVietnameseDate(text)}
        error={error}
        required={required}
        maxDate={maxDate}
        clearable={!required}
        // Named month controls; no red weekends or faded days of other months (both under 4.5:1).
        previousLabel={t('actions.previousMonth')}
        nextLabel={t('actions.nextMonth')}
        weekendDays={[]}
        hideOutsideDates
      />
    </DatesProvider>
  );
}
