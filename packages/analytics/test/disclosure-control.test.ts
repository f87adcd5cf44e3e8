import { describe, expect, it } from 'vitest';
import {
  anonymiseEpisodes,
  type ExportEpisode,
  generalise,
  mergeIntervals,
  protectCells,
  protectedCohorts,
  protectedFlows,
  protectedSurvival,
  protectedTransitions,
  protectTable,
  publicationDate,
  type SurvivalCell,
  type UnitStatusObservation,
  type UnitYearFlow,
} from '../src/index.js';

/**
 * The attacks of the "small groups come back" issue, against the pure rules: each test publishes
 * answers an analyst can ask for, then tries to work a withheld figure out of them by subtraction.
 */

/** `count` households of one unit and group, each followed `time` days (relapsing or not). */
const cell = (atom: string, group: string, time: number, event: boolean, count = 1): SurvivalCell => ({
  atom,
  group,
  time,
  event,
  count,
});

/** Households of a unit with times 100, 200, …; every other one relapsing. */
function unit(atom: string, n: number, group = 'all', offset = 0): SurvivalCell[] {
  return Array.from({ length: n }, (_, i) => cell(atom, group, 100 * (i + 1) + offset, i % 2 === 0));
}

describe('publicationDate', () => {
  it('rounds every date down to the last month end, so adjacent days answer alike', () => {
    expect(publicationDate('2026-01-31')).toBe('2026-01-31');
    expect(publicationDate('2026-02-01')).toBe('2026-01-31');
    expect(publicationDate('2026-02-27')).toBe('2026-01-31');
    expect(publicationDate('2024-02-29')).toBe('2024-02-29');
    expect(publicationDate('2026-03-01')).toBe('2026-02-28');
    expect(publicationDate('2026-01-01')).toBe('2025-12-31');
    expect(() => publicationDate('2026-02-30')).toThrow();
  });
});

describe('cells across units (nested-unit subtraction)', () => {
  // Commune A has 3 households, B 20: the district is A + B, the province A + B + C.
  const a = unit('96101', 3, 'all', 7);
  const b = unit('96102', 20);
  const c = unit('95001', 10);
  const answer = (cells: SurvivalCell[]) => protectedSurvival(cells).groups[0];

  it('withholds the small unit and leaves it out of every unit containing it', () => {
    expect(answer(a)).toMatchObject({ suppressed: true, withheld: 'small', n: null });
    const district = answer([...a, ...b]);
    const commune = answer(b);
    // district − commune B would be commune A: it is 0.
    expect(district?.n).toBe(commune?.n);
    expect(district?.events).toBe(commune?.events);
    expect(district?.table).toEqual(commune?.table);
    const province = answer([...a, ...b, ...c]);
    expect((province?.n ?? 0) - (district?.n ?? 0)).toBe(10);
    expect(protectedSurvival([...a, ...b]).leftOut).toBe(true);
  });

  it('withholds a second group of a unit so a single small group cannot come from the total', () => {
    // Unit U: 18 rural, 2 urban. Ungrouped n = 20; grouped, rural 18 would give urban = 2.
    const u = [...unit('U', 18, 'rural'), ...unit('U', 2, 'urban')];
    const whole = protectedSurvival(u.map((x) => ({ ...x, group: 'all' })));
    const grouped = protectedSurvival(u);
    expect(whole.groups[0]?.n).toBe(20);
    expect(grouped.groups.map((g) => [g.key, g.withheld])).toEqual([
      ['rural', 'complementary'],
      ['urban', 'small'],
    ]);
    const published = grouped.groups.reduce((s, g) => s + (g.n ?? 0), 0);
    const gap = (whole.groups[0]?.n ?? 0) - published;
    expect(gap === 0 || gap >= 5).toBe(true);
  });

  it('protectCells leaves every atom withholding 0 or at least 5 households', () => {
    const cells = [
      { atom: 'X', group: 'a', households: 1 },
      { atom: 'X', group: 'b', households: 2 },
      { atom: 'X', group: 'c', households: 9 },
      { atom: 'X', group: 'd', households: 30 },
      { atom: 'Y', group: 'a', households: 6 },
    ];
    const d = protectCells(cells);
    expect(d.get('X')?.get('c')).toBe('complementary');
    expect(d.get('X')?.get('d')).toBeNull();
    expect(d.get('Y')?.get('a')).toBeNull();
    for (const [atom, groups] of d) {
      const withheld = cells
        .filter((c) => c.atom === atom && groups.get(c.group) !== null)
        .reduce((s, c) => s + c.households, 0);
      expect(withheld === 0 || withheld >= 5).toBe(true);
    }
  });
});

describe('households, not episodes', () => {
  it('counts what the caller gives as households: one observation each', () => {
    // The caller keeps one escape per household; 4 households are too few whatever their escapes.
    expect(protectedSurvival(unit('U', 4)).groups[0]).toMatchObject({ suppressed: true, n: null });
  });
});

describe('life tables on a fixed grid', () => {
  it('never shows 1 to 4 relapses or censorings in a row, and covers the whole follow-up', () => {
    const cells = Array.from({ length: 40 }, (_, i) => cell('U', 'all', 10 + 37 * i, i % 3 !== 0));
    const curve = protectedSurvival(cells).groups[0];
    expect(curve?.withheld).toBeNull();
    const rows = curve?.table ?? [];
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) {
      for (const v of [r.nEvent, r.nCensor]) expect(v === 0 || (v ?? 0) >= 5).toBe(true);
    }
    expect(rows.reduce((s, r) => s + (r.nEvent ?? 0), 0)).toBe(curve?.events);
    // Each row's start: at risk before minus what ended in the row before.
    for (let i = 1; i < rows.length; i++) {
      const prev = rows[i - 1];
      expect(rows[i]?.nRisk).toBe((prev?.nRisk ?? 0) - (prev?.nEvent ?? 0) - (prev?.nCensor ?? 0));
    }
    // Band ends, not household days.
    expect(rows.every((r) => [91, 183, 274, 365].includes(r.time ?? 0) || (r.time ?? 0) % 1 === 0)).toBe(true);
    expect(cells.map((c) => c.time)).not.toContain(curve?.maxTime);
  });

  it('withholds all but n when 1 to 4 households relapsed', () => {
    const cells = Array.from({ length: 12 }, (_, i) => cell('U', 'all', 50 * (i + 1), i === 3));
    expect(protectedSurvival(cells).groups[0]).toMatchObject({
      n: 12,
      events: null,
      table: null,
      withheld: 'few_events',
    });
  });

  it('mergeIntervals folds a small tail into the rows before it', () => {
    const obs = [...Array.from({ length: 5 }, () => ({ time: 10, event: true })), { time: 200, event: true }];
    expect(mergeIntervals(obs, [91, 183, 274])?.map((r) => [r.end, r.nEvent, r.nCensor])).toEqual([[274, 6, 0]]);
    expect(mergeIntervals([{ time: 10, event: true }], [91])).toBeNull();
    const more = [...obs, ...Array.from({ length: 5 }, () => ({ time: 20, event: false }))];
    const ok = [...more, ...Array.from({ length: 4 }, () => ({ time: 250, event: true }))];
    const rows = mergeIntervals(ok, [91, 183, 274]) ?? [];
    expect(rows.map((r) => [r.end, r.nEvent, r.nCensor])).toEqual([
      [91, 5, 5],
      [274, 5, 0],
    ]);
  });
});

describe('protectTable (margins)', () => {
  /** Every way of solving for a withheld cell from one margin: it must never leave one cell. */
  function assertNoCellFromMargins(counts: number[][], status: (string | null)[][]) {
    const lines = [
      ...counts.map((row, i) => row.map((_, j) => [i, j] as const)),
      ...(counts[0] ?? []).map((_, j) => counts.map((_, i) => [i, j] as const)),
    ];
    for (const line of lines) {
      const withheld = line.filter(([i, j]) => status[i]?.[j] !== null);
      const sum = withheld.reduce((s, [i, j]) => s + (counts[i]?.[j] ?? 0), 0);
      const published = line.filter(([i, j]) => status[i]?.[j] === null && (counts[i]?.[j] ?? 0) > 0);
      expect(sum === 0 || (withheld.length >= 2 && sum >= 5) || published.length === 0).toBe(true);
    }
  }

  it('withholds a second cell in every row and column that withholds one', () => {
    const counts = [
      [20, 3, 40],
      [7, 30, 9],
      [12, 8, 50],
    ];
    const status = protectTable(counts);
    expect(status[0]?.[1]).toBe('small');
    assertNoCellFromMargins(counts, status);
    // The attack of the issue: a row total minus the published cells gives one withheld cell.
    for (let i = 0; i < 3; i++) {
      const hidden = (status[i] ?? []).filter((s) => s !== null).length;
      expect(hidden === 0 || hidden >= 2).toBe(true);
    }
  });

  it('holds on random tables', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let t = 0; t < 200; t++) {
      const counts = Array.from({ length: 3 }, () =>
        Array.from({ length: 3 }, () => (rand() < 0.3 ? Math.floor(rand() * 5) : Math.floor(rand() * 40))),
      );
      assertNoCellFromMargins(counts, protectTable(counts));
    }
  });
});

describe('protectedTransitions', () => {
  const obs: UnitStatusObservation[] = [];
  const add = (unit: string, n: number, from: 'poor' | 'near_poor' | 'non_poor', to: typeof from, tag: string) => {
    for (let i = 0; i < n; i++) {
      obs.push({ household: `${tag}${i}`, year: 2023, status: from, unit });
      obs.push({ household: `${tag}${i}`, year: 2024, status: to, unit });
    }
  };
  add('A', 20, 'poor', 'poor', 'a');
  add('A', 3, 'poor', 'non_poor', 'b');
  add('A', 9, 'poor', 'near_poor', 'c');
  add('A', 30, 'non_poor', 'non_poor', 'd');
  add('B', 2, 'poor', 'non_poor', 'e');
  add('B', 11, 'poor', 'poor', 'f');

  it('publishes row totals as sums of published cells, so no withheld cell comes back', () => {
    const { byYear, pooled } = protectedTransitions(obs.filter((o) => o.unit === 'A'));
    const poor = byYear[0]?.rows.find((r) => r.from === 'poor');
    const cells = poor?.cells ?? [];
    expect(cells.find((c) => c.to === 'non_poor')).toMatchObject({ count: null, withheld: 'small' });
    expect(cells.filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(2);
    expect(poor?.total).toBe(cells.reduce((s, c) => s + (c.count ?? 0), 0));
    expect(pooled.rows).toEqual(byYear[0]?.rows);
  });

  it('leaves unit B’s small cell out of the sum of A and B', () => {
    const both = protectedTransitions(obs).byYear[0];
    const onlyA = protectedTransitions(obs.filter((o) => o.unit === 'A')).byYear[0];
    const onlyB = protectedTransitions(obs.filter((o) => o.unit === 'B')).byYear[0];
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const diff = (both?.rows[i]?.cells[j]?.count ?? 0) - (onlyA?.rows[i]?.cells[j]?.count ?? 0);
        expect(diff === 0 || diff >= 5).toBe(true);
        // And what B adds is what B publishes itself.
        expect(diff).toBe(onlyB?.rows[i]?.cells[j]?.count ?? 0);
      }
    }
  });
});

describe('protectedCohorts', () => {
  it('withholds small cohorts, shows only horizons resting on 0 or 5+ relapses since the last', () => {
    const cells = [
      ...Array.from({ length: 30 }, (_, i) => ({
        atom: 'U',
        cohort: 2022,
        time: 60 * (i + 1),
        event: i % 2 === 0,
        count: 1,
      })),
      ...Array.from({ length: 3 }, (_, i) => ({ atom: 'U', cohort: 2023, time: 90 * (i + 1), event: true, count: 1 })),
      ...Array.from({ length: 6 }, (_, i) => ({ atom: 'U', cohort: 2024, time: 30 * (i + 1), event: true, count: 1 })),
    ];
    const { cohorts } = protectedCohorts(cells);
    expect(cohorts.find((c) => c.cohort === 2023)).toMatchObject({ suppressed: true, n: null, withheld: 'small' });
    // 2024, the smallest other cohort of the unit, goes with it: U's total minus 2022 would give 2023.
    expect(cohorts.find((c) => c.cohort === 2024)).toMatchObject({ n: null, withheld: 'complementary' });
    const row = cohorts.find((c) => c.cohort === 2022);
    expect(row?.n).toBe(30);
    // Horizons shown: the relapses between consecutive shown horizons are never 1 to 4.
    const shown = (row?.points ?? []).filter((p) => p.cumulativeRelapse !== null);
    expect(shown.length).toBeGreaterThan(0);
    let before = 0;
    for (const p of shown) {
      const relapses = cells.filter((c) => c.cohort === 2022 && c.event && c.time > before && c.time <= p.days).length;
      expect(relapses === 0 || relapses >= 5).toBe(true);
      before = p.days;
    }
  });
});

describe('protectedFlows', () => {
  const flow = (unitCode: string, escaped: number, relapsed: number): UnitYearFlow => ({
    unitCode,
    year: 2024,
    escaped,
    relapsed,
    newlyPoor: 0,
    relapsedPerEscaped: relapsed / escaped,
    atRiskStart: 0,
    relapsedFromAtRisk: 0,
    hazard: null,
  });

  it('sums only published counts of each unit, so units differ by 0 or 5+', () => {
    const parent = protectedFlows('P', [2024], [flow('A', 30, 2), flow('B', 8, 6)]).flows[0];
    const child = protectedFlows('B', [2024], [flow('B', 8, 6)]).flows[0];
    expect(parent?.relapsed).toBe(6);
    expect((parent?.relapsed ?? 0) - (child?.relapsed ?? 0)).toBe(0);
    expect((parent?.escaped ?? 0) - (child?.escaped ?? 0)).toBe(30);
    const alone = protectedFlows('A', [2024], [flow('A', 30, 2)]).flows[0];
    expect(alone).toMatchObject({ relapsed: null, relapsedPerEscaped: null, suppressed: true });
  });
});

describe('anonymiseEpisodes (k-anonymity of the export)', () => {
  const episode = (i: number, unit: string, month: number): ExportEpisode => ({
    household: `${unit}-h${i}`,
    unit,
    province: unit.slice(0, 2),
    area: 'rural',
    cohort: 2023,
    supportKinds: i % 2 === 0 ? 'loan' : 'training',
    escapeFrom: 'poor',
    escapeTo: 'non_poor',
    escapeDate: `2023-${String(month).padStart(2, '0')}-1${i % 10}`,
    endDate: '2025-12-31',
    relapsed: false,
    timeDays: 900 + i,
  });

  it('exports no row of a unit with fewer than 5 households', () => {
    const out = anonymiseEpisodes([episode(1, '86102', 3)]);
    expect(out.rows).toEqual([]);
    expect(out.withheldUnits).toBe(1);
  });

  it('generalises until every combination is shared by 5 households, and withholds the rest', () => {
    const eps = [
      ...Array.from({ length: 40 }, (_, i) => episode(i, '96101', 1 + (i % 12))),
      ...Array.from({ length: 6 }, (_, i) => episode(i, '96102', 5)),
    ];
    const out = anonymiseEpisodes(eps);
    const classes = new Map<string, Set<string>>();
    for (const { episode: e, row } of out.rows) {
      const key = JSON.stringify({ ...row, relapsed: undefined, timeMonths: undefined });
      const set = classes.get(key) ?? new Set();
      set.add(e.household);
      classes.set(key, set);
    }
    for (const set of classes.values()) expect(set.size).toBeGreaterThanOrEqual(5);
    expect(out.level).not.toBe('month');
  });

  it('coarsens dates to months at the finest level', () => {
    const row = generalise(episode(3, 'U', 7), 'month');
    expect(row.escapePeriod).toBe('2023-07');
    expect(row.timeMonths).toBe(29);
    expect(generalise(episode(3, 'U', 7), 'quarter').escapePeriod).toBe('2023-Q3');
  });
});
