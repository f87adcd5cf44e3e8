import {
  type AdminUnit,
  addDays,
  type CrosswalkEntry,
  type CsvProblem,
  DEMO_CROSSWALK,
  DEMO_UNITS,
  DISTRICTS_ABOLISHED_ON,
  PROVINCE_CROSSWALK,
  PROVINCE_UNITS,
  parseConversionCsv,
  parseUnitListCsv,
  type UnitData,
} from '@benvung/domain';

/** The texts of the three national files (see data/README.md). */
export interface NationalFiles {
  before: string;
  from: string;
  crosswalk: string;
}

/** What a load found that the data does not say by itself: every gap named, nothing dropped silently. */
export interface GeographyReport {
  units: number;
  crosswalkRows: number;
  gaps: string[];
}

/** The units and crosswalk of the national files, plus the province table (and the demo units when asked). */
export interface NationalUnitData {
  data: UnitData;
  report: GeographyReport;
}

const LAST_OLD_DAY = addDays(DISTRICTS_ABOLISHED_ON, -1);

/** A unit's name without its type (Xã, Phường, Thị trấn, Đặc khu), for matching the two sources. */
const core = (name: string) =>
  name
    .normalize('NFC')
    .replace(/^(xã|phường|thị trấn|đặc khu)\s+/iu, '')
    .trim()
    .toLowerCase();

function fail(file: string, problems: readonly CsvProblem[]): never {
  const lines = problems.slice(0, 20).map((p) => `  line ${p.line}${p.column ? ` (${p.column})` : ''}: ${p.message}`);
  throw new Error(`${file}: ${problems.length} problem(s)\n${lines.join('\n')}`);
}

/**
 * Builds the national unit data: districts and communes before 1 July 2025 (valid until 30 June), the
 * communes from that date, the provinces of the province table (which has the merger of 12 June 2025),
 * and the official conversion as crosswalk rows effective 1 July 2025. Gaps between the sources are
 * resolved as data/README.md says, and each one is reported by name.
 */
export function nationalUnitData(files: NationalFiles, options: { demo?: boolean } = {}): NationalUnitData {
  const before = parseUnitListCsv(files.before, { validTo: LAST_OLD_DAY });
  if (before.problems.length > 0) fail('units-before-2025-07-01.csv', before.problems);
  const from = parseUnitListCsv(files.from, { validFrom: DISTRICTS_ABOLISHED_ON });
  if (from.problems.length > 0) fail('units-from-2025-07-01.csv', from.problems);
  const conversion = parseConversionCsv(files.crosswalk, DISTRICTS_ABOLISHED_ON);
  if (conversion.problems.length > 0) fail('crosswalk-2025-07-01.csv', conversion.problems);

  const gaps: string[] = [];
  const oldUnits = before.units.filter((u) => u.level !== 'province');
  const newUnits = from.units.filter((u) => u.level !== 'province');
  const oldByCode = new Map(oldUnits.map((u) => [u.code, u]));
  const newByCode = new Map(newUnits.map((u) => [u.code, u]));
  const converted = new Set(conversion.rows.map((r) => r.toCode));

  // New codes the conversion names that the list lacks: the same commune under the list's other code.
  for (const code of [...new Set(conversion.rows.map((r) => r.toCode))].filter((c) => !newByCode.has(c))) {
    const old = oldByCode.get(code);
    const twin = newUnits.find(
      (u) => !converted.has(u.code) && old !== undefined && core(u.name) === core(old.name) && u.level === 'commune',
    );
    if (twin) {
      const unit: AdminUnit = { ...twin, code };
      newUnits.push(unit);
      newByCode.set(code, unit);
      gaps.push(
        `new commune ${code} is the conversion table's code; the unit list has it as ${twin.code} (${twin.name}): ` +
          `recorded as ${code} with ${twin.code}'s name, kind and province, ${twin.code} kept`,
      );
    } else {
      gaps.push(
        `new commune ${code} is named by the conversion table only: its rows are kept, no unit is recorded for it`,
      );
    }
  }
  const rows = conversion.rows.filter((r) => {
    const known = oldByCode.has(r.fromCode) && newByCode.has(r.toCode);
    if (!known) gaps.push(`conversion row ${r.fromCode} → ${r.toCode} names a unit of neither list: left out`);
    return known;
  });
  const convertedFrom = new Set(rows.map((r) => r.fromCode));
  for (const u of oldUnits.filter((u) => u.level === 'commune' && !convertedFrom.has(u.code))) {
    gaps.push(`old commune ${u.code} (${u.name}) is in no conversion row: it rolls up through its district`);
  }
  for (const u of conversion.unnumbered) {
    gaps.push(
      `conversion line ${u.line} has no old code (${u.note}): not an edge between units, new commune ${u.newCode}`,
    );
  }
  for (const u of newUnits.filter((u) => u.level === 'commune' && !converted.has(u.code) && !newByCode.has(u.code))) {
    gaps.push(`new commune ${u.code} (${u.name}) is in no conversion row`);
  }

  // The province table has the merger's dates; the lists add each province's kind (municipality or province).
  const kinds = new Map(
    [...before.units, ...from.units].filter((u) => u.level === 'province').map((u) => [u.code, u.kind]),
  );
  const provinces = PROVINCE_UNITS.map((p) => ({ ...p, kind: kinds.get(p.code) }));
  const units = [...provinces, ...oldUnits, ...newUnits, ...(options.demo ? DEMO_UNITS : [])];
  const crosswalk: CrosswalkEntry[] = [...PROVINCE_CROSSWALK, ...rows, ...(options.demo ? DEMO_CROSSWALK : [])];
  return { data: { units, crosswalk }, report: { units: units.length, crosswalkRows: crosswalk.length, gaps } };
}
