import { foldText, parseCsvRecords, RecordUnitFigures, type UnitRegistry } from '@benvung/domain';

/** Why a line of the file was refused, in Vietnamese and English. */
export interface FiguresProblem {
  /** The line of the file (1: the header; 0: the file as a whole). */
  line: number;
  /** The column as written in the file, or the field's name when the column is missing. */
  column: string;
  vi: string;
  en: string;
}

/** Columns, by their Vietnamese heading or an English name (case and accents ignored). */
const COLUMNS = {
  unitCode: ['ma don vi', 'ma dvhc', 'unit_code', 'unit code'],
  year: ['nam', 'year'],
  households: ['tong so ho', 'so ho', 'households'],
  population: ['tong so nhan khau', 'so nhan khau', 'population'],
  source: ['nguon', 'nguon so lieu', 'source'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: readonly Column[] = ['unitCode', 'year', 'households'];

export interface ParsedFigures {
  commands: RecordUnitFigures[];
  problems: FiguresProblem[];
}

/**
 * Reads a table of denominators (Mã đơn vị, Năm, Tổng số hộ, Tổng số nhân khẩu, Nguồn) and checks the
 * whole file before anything is recorded: every line's problems are reported together, and a file
 * with any problem records nothing. A unit must be known to the registry and within `canWrite`; a unit
 * and year may appear once.
 */
export function parseFiguresCsv(
  text: string,
  ctx: { registry: UnitRegistry; canWrite: (unitCode: string) => boolean; source?: string; reason?: string },
): ParsedFigures {
  const problems: FiguresProblem[] = [];
  const commands: RecordUnitFigures[] = [];
  let records: ReturnType<typeof parseCsvRecords>;
  try {
    records = parseCsvRecords(text);
  } catch {
    return { commands, problems: [{ line: 0, column: '', vi: 'Tệp CSV không đúng định dạng', en: 'Malformed CSV' }] };
  }
  const [header, ...rows] = records;
  const index: Partial<Record<Column, number>> = {};
  (header?.cells ?? []).forEach((cell, i) => {
    const name = foldText(cell);
    for (const [column, names] of Object.entries(COLUMNS) as Array<[Column, readonly string[]]>) {
      if (names.includes(name) && index[column] === undefined) index[column] = i;
    }
  });
  for (const column of REQUIRED) {
    if (index[column] === undefined)
      problems.push({ line: 1, column, vi: `Thiếu cột ${COLUMNS[column][0]}`, en: `Column ${column} is missing` });
  }
  if (problems.length > 0) return { commands, problems };
  if (rows.length === 0) problems.push({ line: 0, column: '', vi: 'Tệp không có dòng số liệu', en: 'No rows' });

  const seen = new Map<string, number>();
  for (const row of rows) {
    const cell = (c: Column) => (index[c] === undefined ? '' : (row.cells[index[c] as number] ?? '').trim());
    const heading = (c: Column) => header?.cells[index[c] as number] ?? c;
    const problem = (c: Column, vi: string, en: string) =>
      problems.push({ line: row.line, column: heading(c), vi, en });
    const whole = (c: Column): number | undefined => {
      const raw = cell(c).replace(/[.\s]/g, '');
      if (raw === '') return undefined;
      return /^\d{1,12}$/.test(raw) ? Number(raw) : Number.NaN;
    };
    const unitCode = cell('unitCode');
    const year = whole('year');
    const households = whole('households');
    const population = whole('population');
    const before = problems.length;
    if (unitCode === '') problem('unitCode', 'Ô trống', 'Empty cell');
    else if (ctx.registry.versions(unitCode).length === 0)
      problem('unitCode', `Không có đơn vị hành chính mã ${unitCode}`, `No unit has the code ${unitCode}`);
    else if (!ctx.canWrite(unitCode))
      problem(
        'unitCode',
        `Đơn vị ${unitCode} không thuộc địa bàn được phân công`,
        `Unit ${unitCode} is not among your units`,
      );
    if (year === undefined || Number.isNaN(year))
      problem('year', `Năm không hợp lệ: ${cell('year')}`, `Not a year: ${cell('year')}`);
    if (households === undefined || Number.isNaN(households))
      problem(
        'households',
        `Số hộ không hợp lệ: ${cell('households')}`,
        `Not a number of households: ${cell('households')}`,
      );
    if (population !== undefined && Number.isNaN(population))
      problem(
        'population',
        `Số nhân khẩu không hợp lệ: ${cell('population')}`,
        `Not a population: ${cell('population')}`,
      );
    const source = cell('source') || ctx.source;
    if (!source) problem('source', 'Thiếu nguồn số liệu', 'The source of the figures is missing');
    if (problems.length > before) continue;

    const key = `${unitCode}|${year}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem(
        'unitCode',
        `Đơn vị ${unitCode} năm ${year} đã có ở dòng ${earlier}`,
        `${unitCode} ${year} is already on line ${earlier}`,
      );
      continue;
    }
    seen.set(key, row.line);
    const parsed = RecordUnitFigures.safeParse({
      type: 'RecordUnitFigures',
      unitCode,
      year,
      households,
      ...(population !== undefined ? { population } : {}),
      source,
      ...(ctx.reason ? { reason: ctx.reason } : {}),
    });
    if (parsed.success) commands.push(parsed.data);
    else
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'households') as Column;
        problem(
          field in COLUMNS ? field : 'households',
          `Giá trị không hợp lệ (${issue.message})`,
          `Invalid value (${issue.message})`,
        );
      }
  }
  return { commands, problems };
}
