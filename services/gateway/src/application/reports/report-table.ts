/** How a column's values are shown: text, a count of households, a percentage or percentage points. */
export type ColumnKind = 'text' | 'count' | 'percent';

export interface TableColumn {
  heading: string;
  kind: ColumnKind;
}

/** One table of a report (a report may have one per list). */
export interface TableSection {
  /** Its heading ("I. Hộ nghèo"), if the report has several. */
  heading?: string;
  columns: TableColumn[];
  /** Values in column order; null is a blank cell (withheld, or not known). */
  rows: Array<Array<string | number | null>>;
}

/**
 * A report as the forms lay it out: a title, the lines under it (unit, dates), the tables, then notes
 * (corrections since, withheld figures). CSV and XLSX are written from it, and it is built from the
 * JSON answer, so the three formats carry the same figures.
 */
export interface ReportTable {
  /** The sheet's name (at most 31 characters). */
  sheet: string;
  title: string;
  lines: string[];
  sections: TableSection[];
  notes: string[];
}

/** Percentages and points are shown to two decimals, as the forms print them. */
export const roundPercent = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 100) / 100;
