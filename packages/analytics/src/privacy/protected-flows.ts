import type { UnitYearFlow } from '../cohorts/flows.js';
import { isSmallCount, type SuppressionOptions } from './suppress.js';
import type { PublishedFlow } from './tables.js';

const COUNTS = ['escaped', 'relapsed', 'newlyPoor', 'atRiskStart', 'relapsedFromAtRisk'] as const;
type CountField = (typeof COUNTS)[number];

/**
 * A unit's flows by year under the publication rules: `rows` are the flows of each atom (the units
 * households are recorded in, which any request covers whole); a count of 1 to 4 of an atom is left
 * out of the request's sum, so two units' figures never differ by a small count. A ratio sums only
 * the atoms publishing both of its terms. A figure is shown withheld when nothing of it is published.
 */
export function protectedFlows(
  unitCode: string,
  years: readonly number[],
  rows: readonly UnitYearFlow[],
  options?: SuppressionOptions,
): { flows: PublishedFlow[]; leftOut: boolean } {
  let leftOut = false;
  const flows = years.map((year): PublishedFlow => {
    const sums: Record<CountField, number> = {
      escaped: 0,
      relapsed: 0,
      newlyPoor: 0,
      atRiskStart: 0,
      relapsedFromAtRisk: 0,
    };
    const withheld = new Set<CountField>();
    const ratio = { relapsed: 0, escaped: 0, atRisk: 0, relapsedFromAtRisk: 0 };
    for (const row of rows) {
      if (row.year !== year) continue;
      const hidden = (f: CountField) => isSmallCount(row[f], options);
      for (const f of COUNTS) {
        if (hidden(f)) withheld.add(f);
        else sums[f] += row[f];
      }
      if (!hidden('escaped') && !hidden('relapsed')) {
        ratio.escaped += row.escaped;
        ratio.relapsed += row.relapsed;
      }
      if (!hidden('atRiskStart') && !hidden('relapsedFromAtRisk')) {
        ratio.atRisk += row.atRiskStart;
        ratio.relapsedFromAtRisk += row.relapsedFromAtRisk;
      }
    }
    if (withheld.size > 0) leftOut = true;
    const value = (f: CountField) => (sums[f] === 0 && withheld.has(f) ? null : sums[f]);
    const suppressedFields: (keyof UnitYearFlow)[] = COUNTS.filter((f) => value(f) === null);
    const relapsedPerEscaped = ratio.escaped > 0 ? ratio.relapsed / ratio.escaped : null;
    const hazard = ratio.atRisk > 0 ? ratio.relapsedFromAtRisk / ratio.atRisk : null;
    if (relapsedPerEscaped === null && (withheld.has('escaped') || withheld.has('relapsed'))) {
      suppressedFields.push('relapsedPerEscaped');
    }
    if (hazard === null && (withheld.has('atRiskStart') || withheld.has('relapsedFromAtRisk'))) {
      suppressedFields.push('hazard');
    }
    return {
      unitCode,
      year,
      escaped: value('escaped'),
      relapsed: value('relapsed'),
      newlyPoor: value('newlyPoor'),
      relapsedPerEscaped,
      atRiskStart: value('atRiskStart'),
      relapsedFromAtRisk: value('relapsedFromAtRisk'),
      hazard,
      suppressed: suppressedFields.length > 0,
      suppressedFields,
    };
  });
  return { flows, leftOut };
}
