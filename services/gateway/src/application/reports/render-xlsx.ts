import ExcelJS from 'exceljs';
import type { ReportTable } from './report-table.js';

const FORMATS = { text: '@', count: '#,##0', percent: '0.00' } as const;

/**
 * The report as an Excel workbook of one sheet laid out like the form: the title in bold across the
 * table's width, the unit and dates under it, each table with a bold, wrapped header row, counts and
 * percentages as numbers (blank where withheld), then the notes.
 */
export async function renderXlsx(table: ReportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'benvung';
  const sheet = workbook.addWorksheet(table.sheet);
  const width = Math.max(1, ...table.sections.map((s) => s.columns.length));
  const titleRow = sheet.addRow([table.title]);
  titleRow.font = { bold: true, size: 14 };
  sheet.mergeCells(titleRow.number, 1, titleRow.number, width);
  titleRow.alignment = { horizontal: 'center' };
  for (const l of table.lines) sheet.addRow([l]).font = { italic: true };

  for (const section of table.sections) {
    sheet.addRow([]);
    if (section.heading) sheet.addRow([section.heading]).font = { bold: true };
    const header = sheet.addRow(section.columns.map((c) => c.heading));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    header.eachCell((c) => {
      c.border = {
        top: { style: 'thin' },
        bottom: { style: 'thin' },
        left: { style: 'thin' },
        right: { style: 'thin' },
      };
    });
    for (const values of section.rows) {
      const row = sheet.addRow(values.map((v) => v ?? null));
      section.columns.forEach((column, i) => {
        const c = row.getCell(i + 1);
        c.numFmt = FORMATS[column.kind];
        c.border = { left: { style: 'thin' }, right: { style: 'thin' }, bottom: { style: 'hair' } };
      });
    }
  }
  if (table.notes.length > 0) {
    sheet.addRow([]);
    for (const n of table.notes) sheet.addRow([n]).font = { italic: true };
  }
  sheet.getColumn(1).width = 12;
  sheet.getColumn(2).width = 32;
  for (let i = 3; i <= width; i++) sheet.getColumn(i).width = 16;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
