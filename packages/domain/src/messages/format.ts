import { labelOf, type ValueVocabulary, VOCABULARIES } from './labels.js';

/** The languages problems are written in: Vietnamese for the people using the system, English as the default. */
export const PROBLEM_LOCALES = ['vi', 'en'] as const;
export type ProblemLocale = (typeof PROBLEM_LOCALES)[number];

/**
 * A problem's title and detail in one language. `detail` is a template:
 * - `{name}` is replaced by the problem's extension member `name` (`{name:format}` formats it, see
 *   {@link formatProblemTemplate});
 * - `[ … ]` is an optional segment, dropped when a placeholder in it has no value.
 * A template whose required placeholders have no value cannot be filled: the caller falls back.
 */
export interface ProblemText {
  readonly title: string;
  readonly detail: string;
}

/** One problem code's texts, in every language. */
export type ProblemTexts = Readonly<Record<ProblemLocale, ProblemText>>;

const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;
const OPTIONAL_SEGMENT = /\[([^[\]]*)\]/g;

const numberFormat = (locale: ProblemLocale, maximumFractionDigits = 0) =>
  new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits });

/** A value worth showing: absent, empty and object values without a code or id are not. */
function isShown(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** A list item: a plain value, or a unit-like object shown as "code name". */
function itemText(item: unknown, locale: ProblemLocale, format: string | undefined): string | undefined {
  if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
    return format && format in VOCABULARIES ? labelOf(format as ValueVocabulary, String(item), locale) : String(item);
  }
  if (item && typeof item === 'object') {
    const { code, name, id } = item as { code?: unknown; name?: unknown; id?: unknown };
    if (typeof code === 'string') return typeof name === 'string' ? `${code} ${name}` : code;
    if (typeof id === 'string') return id;
  }
  return undefined;
}

function joinList(items: string[], locale: ProblemLocale, last: 'and' | 'or' | undefined): string {
  if (!last || items.length < 2) return items.join(', ');
  const word = locale === 'vi' ? (last === 'or' ? 'hoặc' : 'và') : last;
  return `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}`;
}

/** A value as text in a language, or undefined when it cannot be shown (the template then falls back). */
function valueText(value: unknown, format: string | undefined, locale: ProblemLocale): string | undefined {
  if (!isShown(value)) return undefined;
  switch (format) {
    case 'count':
      return Array.isArray(value) ? String(value.length) : typeof value === 'number' ? String(value) : undefined;
    case 'number':
      return typeof value === 'number' ? numberFormat(locale, 2).format(value) : undefined;
    case 'vnd':
      // Đồng have no minor unit: whole amounts, grouped the way each language writes them.
      return typeof value === 'number'
        ? `${numberFormat(locale).format(value)} ${locale === 'vi' ? 'đồng' : 'VND'}`
        : undefined;
    case 'percent':
      return typeof value === 'number' ? `${numberFormat(locale, 2).format(value)}%` : undefined;
    case 'bytes':
      return typeof value === 'number' ? `${numberFormat(locale, 1).format(value / (1024 * 1024))} MB` : undefined;
    case 'date': {
      // Vietnamese writes dates day first (01/07/2025); English keeps the ISO date the API uses.
      const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
      if (!m) return typeof value === 'string' ? value : undefined;
      return locale === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
    }
    default: {
      const list = format === 'or' || format === 'and' ? format : undefined;
      const itemFormat = list ? undefined : format;
      if (Array.isArray(value)) {
        const items = value.map((v) => itemText(v, locale, itemFormat));
        return items.every((i) => i !== undefined) ? joinList(items as string[], locale, list) : undefined;
      }
      return itemText(value, locale, itemFormat);
    }
  }
}

function fill(template: string, params: Readonly<Record<string, unknown>>, locale: ProblemLocale): string | undefined {
  let complete = true;
  const text = template.replace(PLACEHOLDER, (_, name: string, format: string | undefined) => {
    const value = valueText(params[name], format, locale);
    if (value === undefined) complete = false;
    return value ?? '';
  });
  return complete ? text : undefined;
}

/**
 * Fills a detail template with a problem's extension members. Optional segments whose placeholders
 * have no value are dropped; a required placeholder without a value makes the whole template unusable
 * (undefined), so a half-filled sentence is never shown.
 *
 * Formats: `date` (vi: dd/mm/yyyy), `number`, `vnd`, `percent`, `bytes`, `count` (of a list), `or` /
 * `and` (a list joined with that word), or a vocabulary of {@link VOCABULARIES} (a code as words).
 * Lists are joined with commas; objects with a `code` (and `name`) show as "code name".
 */
export function formatProblemTemplate(
  template: string,
  params: Readonly<Record<string, unknown>>,
  locale: ProblemLocale,
): string | undefined {
  const withOptional = template.replace(OPTIONAL_SEGMENT, (_, segment: string) => fill(segment, params, locale) ?? '');
  const text = fill(withOptional, params, locale);
  // A template made only of optional segments, none of them filled, says nothing.
  return text?.trim() ? text : undefined;
}

/** The placeholders a template uses, with whether each is required (outside every optional segment). */
export function templatePlaceholders(template: string): Array<{ name: string; format?: string; required: boolean }> {
  const optional = [...template.matchAll(OPTIONAL_SEGMENT)].flatMap((m) => [...(m[1] ?? '').matchAll(PLACEHOLDER)]);
  const required = [...template.replace(OPTIONAL_SEGMENT, '').matchAll(PLACEHOLDER)];
  const entry = (m: RegExpMatchArray, isRequired: boolean) => ({
    name: m[1] as string,
    ...(m[2] ? { format: m[2] } : {}),
    required: isRequired,
  });
  return [...required.map((m) => entry(m, true)), ...optional.map((m) => entry(m, false))];
}
