import { describe, expect, it } from 'vitest';
import {
  DOMAIN_ERROR_CODES,
  formatProblemTemplate,
  localizeProblem,
  PROBLEM_LOCALES,
  PROBLEM_MESSAGES,
  templatePlaceholders,
  VOCABULARIES,
} from '../src/index.js';

const FORMATS = new Set([
  'date',
  'number',
  'vnd',
  'percent',
  'bytes',
  'count',
  'or',
  'and',
  ...Object.keys(VOCABULARIES),
]);
/** RFC 9457 members and ours: a template reading them would show the HTTP status, not a detail's. */
const RESERVED = new Set(['type', 'title', 'status', 'detail', 'instance', 'code']);
/** Letters only Vietnamese uses: a "Vietnamese" text without any is an untranslated copy. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

const entries = Object.entries(PROBLEM_MESSAGES);
const successors = [
  { code: '31825', name: 'Phường Bạc Liêu' },
  { code: '31826', name: 'Phường Vĩnh Trạch' },
];

describe('the problem catalogue', () => {
  it('has both languages for every domain error code', () => {
    for (const code of Object.keys(DOMAIN_ERROR_CODES)) {
      for (const locale of PROBLEM_LOCALES) {
        const text = PROBLEM_MESSAGES[code as keyof typeof PROBLEM_MESSAGES]?.[locale];
        expect(text?.title, `${code} ${locale}`).toBeTruthy();
        expect(text?.detail, `${code} ${locale}`).toBeTruthy();
      }
    }
  });

  it.each(entries)('%s: Vietnamese is Vietnamese, both languages use the same members', (_code, texts) => {
    expect(`${texts.vi.title} ${texts.vi.detail}`).toMatch(VIETNAMESE);
    const names = (t: string) => [...new Set(templatePlaceholders(t).map((p) => p.name))].sort();
    expect(names(texts.vi.detail)).toEqual(names(texts.en.detail));
    for (const locale of PROBLEM_LOCALES) {
      const detail = texts[locale].detail;
      for (const p of templatePlaceholders(detail)) {
        expect(RESERVED.has(p.name), `${p.name} is a problem member`).toBe(false);
        if (p.format) expect(FORMATS, `format ${p.format}`).toContain(p.format);
      }
      // Optional segments do not nest, and every bracket closes.
      expect(detail.replace(/\[[^[\]]*\]/g, '')).not.toMatch(/[[\]]/);
    }
  });
});

describe('filling a template', () => {
  it('formats dates, amounts and lists the way each language writes them', () => {
    const t = '{d:date}; {a:vnd}; {y:or}; {s}';
    const params = { d: '2025-07-01', a: 50_000_000, y: [2026, 2027], s: successors };
    expect(formatProblemTemplate(t, params, 'vi')).toBe(
      '01/07/2025; 50.000.000 đồng; 2026 hoặc 2027; 31825 Phường Bạc Liêu, 31826 Phường Vĩnh Trạch',
    );
    expect(formatProblemTemplate(t, params, 'en')).toBe(
      '2025-07-01; 50,000,000 VND; 2026 or 2027; 31825 Phường Bạc Liêu, 31826 Phường Vĩnh Trạch',
    );
  });

  it('drops optional segments without a value and refuses a template missing a required one', () => {
    expect(formatProblemTemplate('A {x}.[ B {y}.]', { x: 1 }, 'vi')).toBe('A 1.');
    expect(formatProblemTemplate('A {x}.[ B {y}.]', { y: 2 }, 'vi')).toBeUndefined();
    expect(formatProblemTemplate('[{x}]', {}, 'vi')).toBeUndefined();
    expect(formatProblemTemplate('{x}', { x: [] }, 'vi')).toBeUndefined();
  });

  it('puts codes into words', () => {
    expect(formatProblemTemplate('{c:classification}', { c: 'near_poor' }, 'vi')).toBe('hộ cận nghèo');
    expect(formatProblemTemplate('{p:programme}', { p: 'a_new_programme' }, 'vi')).toBe('a_new_programme');
  });
});

describe('localizeProblem', () => {
  it('reads a unit that is no longer valid, with its successors, in Vietnamese', () => {
    const problem = { code: 'UNIT_NOT_VALID_ON_DATE', status: 422, unitCode: '31840', date: '2026-01-10', successors };
    expect(localizeProblem(problem, 'vi')).toEqual({
      title: 'Đơn vị hành chính không còn hiệu lực',
      detail:
        'Mã đơn vị 31840 không có hiệu lực vào ngày 10/01/2026. Địa bàn này nay thuộc: 31825 Phường Bạc Liêu, 31826 Phường Vĩnh Trạch.',
      specific: true,
    });
  });

  it('falls back to the status for an unknown code, and under the code’s title for a missing value', () => {
    expect(localizeProblem({ code: 'SOMETHING_NEW', status: 409 }, 'vi')).toMatchObject({
      title: 'Xung đột dữ liệu',
      specific: false,
    });
    expect(localizeProblem({ code: 'UNKNOWN_INDICATOR', status: 422 }, 'vi')).toEqual({
      title: 'Chỉ số thiếu hụt không thuộc chuẩn nghèo',
      detail: 'Yêu cầu không đáp ứng quy định nghiệp vụ nên không được chấp nhận.',
      specific: false,
    });
  });
});
