import type { FastifyReply } from 'fastify';
import type { ReportLang } from './labels.js';
import { renderCsv } from './render-csv.js';
import { renderXlsx } from './render-xlsx.js';
import type { ReportTable } from './report-table.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The report in the format asked: the JSON answer as it is, or its table as CSV or XLSX (an attachment). */
export async function sendReport<R extends object>(
  reply: FastifyReply,
  q: { format: 'json' | 'csv' | 'xlsx'; lang: ReportLang },
  report: R,
  name: string,
  table: (report: R, lang: ReportLang) => ReportTable,
): Promise<R | FastifyReply> {
  if (q.format === 'json') return report;
  const file = `${name}.${q.format}`;
  reply.header('content-disposition', `attachment; filename="${file}"`);
  if (q.format === 'csv') return reply.type('text/csv; charset=utf-8').send(renderCsv(table(report, q.lang)));
  return reply.type(XLSX_TYPE).send(await renderXlsx(table(report, q.lang)));
}
