import { businessDateOf, supportKindOf, type Transition } from '@benvung/domain';
import { addDays, FIRST_YEAR, LAST_YEAR } from './calendar.js';
import type { GeneratedHousehold } from './generate.js';

/** Lists and flows of one year, counted over the generated histories as they count after corrections. */
export interface YearFigures {
  year: number;
  /** Households followed at the start of the year (registered, not closed, assessed). */
  households: number;
  /** On the lists in force at the start of the year (decided by the periodic review of the year before). */
  poor: number;
  nearPoor: number;
  /** Escaped at some point and not relapsed since, at the start of the year. */
  escapedStock: number;
  /** Reviews effective during the year, by transition. */
  transitions: Partial<Record<Transition, number>>;
}

const TRACKED: readonly Transition[] = [
  'escaped_poverty',
  'escaped_near_poverty',
  'relapsed',
  'relapsed_near_poverty',
  'newly_poor',
  'newly_near_poor',
];

const startOf = (year: number) => (year === FIRST_YEAR ? `${FIRST_YEAR}-03-31` : `${year - 1}-12-31`);

/** What the seed reports: sizes, refusals, and whether the lists move like DOMAIN.md's figures. */
export class PopulationStats {
  households = 0;
  events = 0;
  readonly byType: Record<string, number> = {};
  readonly refused: Record<string, number> = {};
  readonly years: YearFigures[] = [];
  /** Escapes from poverty, and those with a support started in the 12 months before. */
  escapes = { total: 0, afterAnySupport: 0, afterSupportOtherThanCards: 0 };
  readonly supportStarts: Record<string, number> = {};

  constructor() {
    for (let year = FIRST_YEAR; year <= LAST_YEAR + 1; year++) {
      this.years.push({ year, households: 0, poor: 0, nearPoor: 0, escapedStock: 0, transitions: {} });
    }
  }

  add(h: GeneratedHousehold): void {
    this.households += 1;
    this.events += h.events.length;
    for (const e of h.events) this.byType[e.event.type] = (this.byType[e.event.type] ?? 0) + 1;
    for (const [code, n] of Object.entries(h.refused)) this.refused[code] = (this.refused[code] ?? 0) + n;
    const s = h.state;
    if (s.status === 'unregistered') return;
    const closedOn = s.status === 'closed' ? s.closedOn : undefined;
    const supports: { on: string; kind: string }[] = [];
    for (const entry of s.log) {
      if (entry.voided) continue;
      const kind = supportKindOf(entry.event);
      if (kind) {
        supports.push({ on: businessDateOf(entry.event), kind });
        this.supportStarts[kind] = (this.supportStarts[kind] ?? 0) + 1;
      }
    }
    for (const y of this.years) {
      const start = startOf(y.year);
      if (s.registeredOn > start || (closedOn !== undefined && closedOn <= start)) continue;
      const review = s.reviews.findLast((r) => r.effectiveDate <= start);
      if (review) {
        y.households += 1;
        if (review.classification === 'poor') y.poor += 1;
        else if (review.classification === 'near_poor') y.nearPoor += 1;
      }
      const lastEscape = s.escapes.findLast((e) => e.on <= start);
      if (lastEscape && !s.relapses.some((r) => r.on > lastEscape.on && r.on <= start)) y.escapedStock += 1;
    }
    for (const r of s.reviews) {
      const y = this.years.find((f) => f.year === Number(r.effectiveDate.slice(0, 4)));
      if (!y || !TRACKED.includes(r.transition)) continue;
      // The first year counts from the start of its lists (the baseline decisions of early 2022).
      if (r.effectiveDate <= startOf(y.year)) continue;
      y.transitions[r.transition] = (y.transitions[r.transition] ?? 0) + 1;
      if (r.transition === 'escaped_poverty') {
        this.escapes.total += 1;
        const since = addDays(r.effectiveDate, -365);
        const before = supports.filter((p) => p.on <= r.effectiveDate && p.on > since);
        if (before.length > 0) this.escapes.afterAnySupport += 1;
        if (before.some((p) => p.kind !== 'health_insurance')) this.escapes.afterSupportOtherThanCards += 1;
      }
    }
  }

  /** A table for a person to read. */
  lines(): string[] {
    const pct = (n: number, d: number) => (d > 0 ? `${((100 * n) / d).toFixed(1)}%` : '–');
    const out = [
      'year  households  poor          near-poor     escaped poverty  relapsed (of escaped)  newly poor  became poor',
    ];
    for (const y of this.years) {
      const t = y.transitions;
      const relapses = (t.relapsed ?? 0) + (t.relapsed_near_poverty ?? 0);
      const flows = y.year <= LAST_YEAR;
      out.push(
        [
          String(y.year).padEnd(5),
          String(y.households).padStart(10),
          `${y.poor} (${pct(y.poor, y.households)})`.padStart(13),
          `${y.nearPoor} (${pct(y.nearPoor, y.households)})`.padStart(13),
          (flows ? `${t.escaped_poverty ?? 0} (${pct(t.escaped_poverty ?? 0, y.poor)})` : '').padStart(16),
          (flows ? `${relapses} (${pct(relapses, y.escapedStock)} of ${y.escapedStock})` : '').padStart(22),
          (flows ? String(t.newly_poor ?? 0) : '').padStart(11),
          (flows ? String(t.became_poor ?? 0) : '').padStart(12),
        ].join(' '),
      );
    }
    const e = this.escapes;
    out.push(
      `escapes from poverty after a support started in the 12 months before: ${pct(e.afterAnySupport, e.total)}` +
        ` (support other than health insurance cards: ${pct(e.afterSupportOtherThanCards, e.total)}; ${e.total} escapes)`,
    );
    return out;
  }

  /** Figures for machines (the bench, tests). */
  toJSON() {
    return {
      households: this.households,
      events: this.events,
      eventsPerHousehold: this.households > 0 ? this.events / this.households : 0,
      byType: this.byType,
      refused: this.refused,
      supportStarts: this.supportStarts,
      escapes: this.escapes,
      years: this.years,
    };
  }
}
