import {
  type Area,
  ETHNIC_GROUPS,
  foldText,
  forbiddenCharacterIn,
  type ListClassification,
  type RuleBook,
  standardForListYear,
  type UnitRegistry,
} from '@benvung/domain';
import { type ColumnMapping, IMPORT_FIELDS, type ImportField, mapColumns, REQUIRED_FIELDS } from './columns.js';
import { type ImportProblem, problem } from './problems.js';
import type { Sheet } from './read-sheet.js';
import { CommuneNames } from './unit-names.js';

/** Cells recorded as typed text (the others are numbers, codes of lists, or looked up). */
const TYPED_TEXT_FIELDS = ['householdCode', 'headName', 'village', 'decisionNo'] as const satisfies ImportField[];

/** A row ready to become a registration and a baseline review. */
export interface ImportRow {
  row: number;
  householdCode: string;
  headName: string;
  birthYear?: number;
  nationalId?: string;
  ethnicity?: string;
  memberCount: number;
  village?: string;
  unitCode: string;
  area?: Area;
  classification: Extract<ListClassification, 'poor' | 'near_poor'>;
  listYear: number;
  income?: number;
  deprivations: string[];
  decisionNo?: string;
}

/** What a file's rows are checked against. */
export interface ParseContext {
  registry: UnitRegistry;
  rules: RuleBook;
  /** A unit code every row's commune must be within (a province, or a commune). */
  unitScope?: string | undefined;
  mapping?: ColumnMapping | undefined;
}

export interface ParsedRows {
  rows: ImportRow[];
  problems: ImportProblem[];
  /** Data rows read. */
  total: number;
}

const CLASSIFICATIONS: Record<string, 'poor' | 'near_poor'> = {
  'ho ngheo': 'poor',
  ngheo: 'poor',
  poor: 'poor',
  'ho can ngheo': 'near_poor',
  'can ngheo': 'near_poor',
  'near poor': 'near_poor',
  near_poor: 'near_poor',
};
const AREAS: Record<string, Area> = { 'nong thon': 'rural', rural: 'rural', 'thanh thi': 'urban', urban: 'urban' };
const ETHNICITY = new Map(
  ETHNIC_GROUPS.flatMap(([code, name]) => [
    [code, code],
    [String(Number(code)), code],
    [foldText(name), code],
  ]),
);

/** A whole number as sheets write it: 1500000, 1.500.000, 1,500,000, 1 500 000. */
function wholeNumber(text: string): number | undefined {
  const t = text.replace(/\s/g, '');
  if (/^\d+$/.test(t)) return Number(t);
  if (/^\d{1,3}([.,]\d{3})+$/.test(t)) return Number(t.replace(/[.,]/g, ''));
  if (/^\d+[.,]0+$/.test(t)) return Number(t.replace(/[.,]0+$/, ''));
  return undefined;
}

/**
 * Checks every row of a sheet as the list of a year, all problems collected (row, column, code, in
 * Vietnamese and English): missing columns, empty or malformed cells, communes the list year's unit
 * registry does not know or cannot tell apart, codes repeated in the file, ethnic groups and
 * deprivation indicators not on their lists.
 */
export function parseRows(sheet: Sheet, ctx: ParseContext): ParsedRows {
  const columns = mapColumns(sheet.headers, ctx.mapping);
  const header = (field: ImportField) => {
    const i = columns[field];
    return i === undefined ? field : (sheet.headers[i] ?? field);
  };
  const problems: ImportProblem[] = [];
  for (const field of REQUIRED_FIELDS) {
    if (columns[field] === undefined) problems.push(problem(0, field, 'MISSING_COLUMN', { field }));
  }
  if (columns.unitCode === undefined && columns.unitName === undefined) {
    problems.push(problem(0, 'unitCode', 'MISSING_COLUMN', { field: 'Mã xã / Xã/phường' }));
  }
  if (problems.length > 0) return { rows: [], problems, total: sheet.rows.length };

  const names = new Map<string, CommuneNames>();
  const namesOn = (date: string) => {
    let n = names.get(date);
    if (!n) {
      n = new CommuneNames(ctx.registry, date);
      names.set(date, n);
    }
    return n;
  };
  const seen = new Map<string, number>();
  const rows: ImportRow[] = [];

  for (const { row, cells } of sheet.rows) {
    const cell = (field: ImportField) => {
      const i = columns[field];
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const rowProblems: ImportProblem[] = [];
    const fail = (
      field: ImportField,
      code: Parameters<typeof problem>[2],
      values: Record<string, string | number> = {},
    ) => rowProblems.push(problem(row, header(field), code, { value: cell(field), ...values }));
    const required = (field: ImportField) => {
      const v = cell(field);
      if (v === '') fail(field, 'EMPTY');
      return v;
    };

    // Text kept as typed must hold no character that hides or reorders it (see @benvung/domain).
    for (const field of TYPED_TEXT_FIELDS) {
      const character = forbiddenCharacterIn(cell(field), { allowLineBreaks: false });
      if (character) fail(field, 'INVALID_CHARACTERS', { character });
    }
    const householdCode = required('householdCode');
    const headName = required('headName');
    const classificationText = required('classification');
    const classification = CLASSIFICATIONS[foldText(classificationText)];
    if (classificationText !== '' && !classification) fail('classification', 'UNKNOWN_CLASSIFICATION');
    const listYearText = required('listYear');
    const listYear = wholeNumber(listYearText);
    if (listYearText !== '' && (listYear === undefined || listYear < 2016 || listYear > 2100)) {
      fail('listYear', listYear === undefined ? 'NOT_A_NUMBER' : 'OUT_OF_RANGE', { range: '2016–2100' });
    }
    const memberText = required('memberCount');
    const memberCount = wholeNumber(memberText);
    if (memberText !== '' && (memberCount === undefined || memberCount < 1 || memberCount > 100)) {
      fail('memberCount', memberCount === undefined ? 'NOT_A_NUMBER' : 'OUT_OF_RANGE', { range: '1–100' });
    }
    const birthYear = cell('birthYear') === '' ? undefined : wholeNumber(cell('birthYear'));
    if (cell('birthYear') !== '' && (birthYear === undefined || birthYear < 1900 || birthYear > (listYear ?? 2100))) {
      fail('birthYear', birthYear === undefined ? 'NOT_A_NUMBER' : 'OUT_OF_RANGE', {
        range: `1900–${listYear ?? 2100}`,
      });
    }
    const income = cell('income') === '' ? undefined : wholeNumber(cell('income'));
    if (cell('income') !== '' && (income === undefined || income > 1_000_000_000)) {
      fail('income', income === undefined ? 'NOT_A_NUMBER' : 'OUT_OF_RANGE', { range: '0–1.000.000.000' });
    }
    const nationalId = cell('nationalId') || undefined;
    if (nationalId !== undefined && !/^\d{9}$|^\d{12}$/.test(nationalId)) fail('nationalId', 'INVALID_NATIONAL_ID');
    const ethnicity = cell('ethnicity') === '' ? undefined : ETHNICITY.get(foldText(cell('ethnicity')));
    if (cell('ethnicity') !== '' && !ethnicity) fail('ethnicity', 'UNKNOWN_ETHNICITY');
    const area = cell('area') === '' ? undefined : AREAS[foldText(cell('area'))];
    if (cell('area') !== '' && !area) fail('area', 'UNKNOWN_AREA');

    // The commune, in the registry of the list's year.
    let unitCode: string | undefined;
    if (listYear !== undefined && listYear >= 2016 && listYear <= 2100) {
      const date = `${listYear}-01-01`;
      const code = cell('unitCode');
      const name = cell('unitName');
      if (code !== '') {
        const unit = ctx.registry.find(code, date);
        if (unit?.level === 'commune') unitCode = unit.code;
        else fail('unitCode', 'UNKNOWN_UNIT', { year: listYear });
      } else if (name !== '') {
        const found = namesOn(date).find(name, cell('districtName') || undefined);
        const inScope = ctx.unitScope
          ? found.filter((u) => ctx.registry.unitCovers(ctx.unitScope ?? '', u.code, date))
          : found;
        if (inScope.length === 1) unitCode = inScope[0]?.code;
        else if (inScope.length === 0) fail('unitName', 'UNKNOWN_UNIT', { year: listYear });
        else
          fail('unitName', 'AMBIGUOUS_UNIT', {
            candidates: inScope
              .slice(0, 5)
              .map((u) => u.code)
              .join(', '),
          });
      } else {
        fail(columns.unitCode !== undefined ? 'unitCode' : 'unitName', 'EMPTY');
      }
      if (unitCode && ctx.unitScope && !ctx.registry.unitCovers(ctx.unitScope, unitCode, date)) {
        fail(columns.unitCode !== undefined && code !== '' ? 'unitCode' : 'unitName', 'UNIT_OUT_OF_SCOPE', {
          value: unitCode,
          scope: ctx.unitScope,
        });
        unitCode = undefined;
      }
    }

    // Deprivations by code, by the standard's Vietnamese name, or by their number in the standard's list.
    const deprivations: string[] = [];
    if (cell('deprivations') !== '' && listYear !== undefined) {
      try {
        const standard = standardForListYear(listYear, ctx.rules.on(`${listYear}-01-01`).standards);
        for (const token of cell('deprivations')
          .split(/[,;+\n]/)
          .map((t) => t.trim())
          .filter(Boolean)) {
          const n = wholeNumber(token);
          const indicator =
            n !== undefined
              ? standard.indicators[n - 1]
              : standard.indicators.find((i) => i.code === token || foldText(i.names.vi) === foldText(token));
          if (!indicator) fail('deprivations', 'UNKNOWN_INDICATOR', { value: token, standard: standard.id });
          else if (!deprivations.includes(indicator.code)) deprivations.push(indicator.code);
        }
      } catch {
        fail('listYear', 'OUT_OF_RANGE', { range: 'a year some standard decides' });
      }
    }

    if (unitCode && householdCode && listYear !== undefined) {
      const key = `${unitCode}|${householdCode}|${listYear}`;
      const other = seen.get(key);
      if (other !== undefined) fail('householdCode', 'DUPLICATE_HOUSEHOLD', { other });
      else seen.set(key, row);
    }
    if (rowProblems.length > 0 || !unitCode || !classification || listYear === undefined || memberCount === undefined) {
      problems.push(...rowProblems);
      continue;
    }
    rows.push({
      row,
      householdCode,
      headName,
      memberCount,
      unitCode,
      classification,
      listYear,
      deprivations,
      ...(birthYear !== undefined ? { birthYear } : {}),
      ...(nationalId !== undefined ? { nationalId } : {}),
      ...(ethnicity !== undefined ? { ethnicity } : {}),
      ...(cell('village') !== '' ? { village: cell('village') } : {}),
      ...(area !== undefined ? { area } : {}),
      ...(income !== undefined ? { income } : {}),
      ...(cell('decisionNo') !== '' ? { decisionNo: cell('decisionNo') } : {}),
    });
  }
  return { rows, problems, total: sheet.rows.length };
}

export { IMPORT_FIELDS };
