import { CORRECTION_KINDS, fill, type ReportLang, say, TEXTS } from './labels.js';
import type { ReportHeader } from './report-context.js';
import type { ReportTable } from './report-table.js';

/**
 * The title rows and notes every report table has: the unit's name and code as the forms show them,
 * the dates the figures are as of, the corrections recorded since (every one listed), and what was
 * withheld.
 */
export function frame(
  header: ReportHeader,
  lang: ReportLang,
  extra: { withheld: boolean; notes?: string[] },
): Pick<ReportTable, 'title' | 'lines' | 'notes'> {
  const lines = [
    header.unit
      ? fill(say(TEXTS.unit, lang), { name: header.unit.name, code: header.unit.code })
      : header.units.length > 0 && header.units.length <= 5
        ? fill(say(TEXTS.units, lang), { names: header.units.map((u) => `${u.name} (${u.code})`).join(', ') })
        : say(TEXTS.national, lang),
    fill(say(TEXTS.asOf, lang), { asOf: header.asOf }),
    fill(say(TEXTS.unitsOn, lang), { unitsOn: header.unitsOn }),
  ];
  if (header.provisional) lines.push(fill(say(TEXTS.provisional, lang), { year: header.year }));
  const notes = [...(extra.notes ?? [])];
  if (header.correctedSinceTotal > 0) {
    notes.push(
      fill(say(TEXTS.corrections, lang), { asOf: header.asOf, count: header.correctedSinceTotal, year: header.year }),
      ...header.correctedSince.map((c) =>
        fill(say(TEXTS.correction, lang), {
          kind: CORRECTION_KINDS[c.kind]?.[lang] ?? c.kind,
          eventType: c.eventType,
          effectiveFrom: c.effectiveFrom,
          recordedAt: c.recordedAt,
          eventId: c.eventId,
        }),
      ),
    );
  }
  if (extra.withheld) notes.push(fill(say(TEXTS.suppressed, lang), { threshold: header.suppression.threshold }));
  return { title: header.title, lines, notes };
}

/** A row's unit as the tables name it (a remainder row says what it holds). */
export function rowName(row: { unitName: string; remainder: boolean }, lang: ReportLang): string {
  return row.remainder ? fill(say(TEXTS.remainder, lang), { name: row.unitName }) : row.unitName;
}
