/**
 * @benvung/imports: the poor and near-poor lists provinces keep (CSV or Excel, Vietnamese headers),
 * checked row by row and written as registrations with a baseline review.
 */
export { type ColumnMapping, IMPORT_FIELDS, type ImportField, mapColumns } from './columns.js';
export { type ImportRow, type ParseContext, type ParsedRows, parseRows } from './parse-rows.js';
export { type ImportProblem, problem, problemsCsv } from './problems.js';
export { readCsvSheet, readSheet, readXlsxSheet, type Sheet, type SheetLayout } from './read-sheet.js';
export { type ImportOptions, type ImportSummary, importList } from './run-import.js';
export { type ImportTarget, importedHouseholdId, type WriteResult, writeRows } from './write-rows.js';
