import type { ProtectedLogRank } from '@benvung/analytics';
import type { SurvivalAnswer } from './survival.js';

const WIDTH = 860;
const HEIGHT = 500;
const M = { left: 64, right: 230, top: 40, bottom: 56 };
const DAYS_PER_MONTH = 365.25 / 12;
/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'];

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

function formatP(test: ProtectedLogRank | null): string {
  if (!test || test.p === null) return 'log-rank: not applicable';
  const p = test.p < 0.0001 ? '< 0.0001' : `= ${test.p.toPrecision(2)}`;
  return `log-rank χ² = ${test.chisq.toFixed(2)}, df = ${test.df}, p ${p}`;
}

/**
 * Kaplan–Meier curves as an SVG picture for reports: step curves with shaded confidence bands, one
 * colour per group, months on the x axis, and the log-rank p in the legend.
 */
export function survivalSvg(answer: SurvivalAnswer, title: string): string {
  const shown = answer.groups.filter((g) => !g.suppressed && g.table);
  const maxDays = Math.max(30, ...shown.map((g) => g.maxTime ?? 0));
  const maxMonths = Math.ceil(maxDays / DAYS_PER_MONTH / 6) * 6;
  const plotW = WIDTH - M.left - M.right;
  const plotH = HEIGHT - M.top - M.bottom;
  const x = (days: number) => M.left + (days / DAYS_PER_MONTH / maxMonths) * plotW;
  const y = (s: number) => M.top + (1 - s) * plotH;
  const parts: string[] = [];
  for (let m = 0; m <= maxMonths; m += maxMonths > 36 ? 12 : 6) {
    parts.push(
      `<line x1="${fmt(x(m * DAYS_PER_MONTH))}" y1="${M.top}" x2="${fmt(x(m * DAYS_PER_MONTH))}" y2="${M.top + plotH}" stroke="#eee"/>`,
    );
    parts.push(
      `<text x="${fmt(x(m * DAYS_PER_MONTH))}" y="${M.top + plotH + 18}" text-anchor="middle" font-size="12">${m}</text>`,
    );
  }
  for (let s = 0; s <= 1.0001; s += 0.25) {
    parts.push(`<line x1="${M.left}" y1="${fmt(y(s))}" x2="${M.left + plotW}" y2="${fmt(y(s))}" stroke="#eee"/>`);
    parts.push(`<text x="${M.left - 8}" y="${fmt(y(s) + 4)}" text-anchor="end" font-size="12">${s.toFixed(2)}</text>`);
  }
  shown.forEach((g, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const rows = (g.table ?? []).filter((r) => r.time !== null && r.survival !== null);
    let line = `M${fmt(x(0))},${fmt(y(1))}`;
    let upper = `${fmt(x(0))},${fmt(y(1))}`;
    let lower = '';
    let prev = { s: 1, lo: 1, hi: 1 };
    for (const r of rows) {
      const t = x(r.time as number);
      line += ` H${fmt(t)} V${fmt(y(r.survival as number))}`;
      upper += ` ${fmt(t)},${fmt(y(prev.hi))} ${fmt(t)},${fmt(y(r.upper ?? r.survival ?? 0))}`;
      lower = ` ${fmt(t)},${fmt(y(r.lower ?? r.survival ?? 0))} ${fmt(t)},${fmt(y(prev.lo))}${lower}`;
      prev = { s: r.survival as number, lo: r.lower ?? (r.survival as number), hi: r.upper ?? (r.survival as number) };
    }
    const end = x(g.maxTime ?? 0);
    line += ` H${fmt(end)}`;
    upper += ` ${fmt(end)},${fmt(y(prev.hi))}`;
    lower = ` ${fmt(end)},${fmt(y(prev.lo))}${lower} ${fmt(x(0))},${fmt(y(1))}`;
    parts.push(`<polygon points="${upper}${lower}" fill="${colour}" fill-opacity="0.15" stroke="none"/>`);
    parts.push(`<path d="${line}" fill="none" stroke="${colour}" stroke-width="2"/>`);
  });
  const legendX = M.left + plotW + 16;
  let ly = M.top + 8;
  answer.groups.forEach((g) => {
    const colour = g.suppressed ? '#999' : COLOURS[shown.indexOf(g) % COLOURS.length];
    const label = g.suppressed
      ? `${g.key}: withheld (${g.withheld === 'few_events' ? `n=${g.n}, fewer than 5 relapsed or not relapsed` : g.withheld === 'complementary' ? 'so that another withheld group cannot be worked out' : 'n < 5'})`
      : `${g.key} (n=${g.n}, median ${g.median === null ? 'not reached' : `${fmt(g.median / DAYS_PER_MONTH)} mo`})`;
    parts.push(`<rect x="${legendX}" y="${ly - 9}" width="12" height="12" fill="${colour}"/>`);
    parts.push(`<text x="${legendX + 18}" y="${ly + 1}" font-size="12">${esc(label)}</text>`);
    ly += 20;
  });
  parts.push(
    `<text x="${legendX}" y="${ly + 8}" font-size="12" font-style="italic">${esc(formatP(answer.logRank))}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif">
<title>${esc(title)}</title>
<rect width="100%" height="100%" fill="white"/>
<text x="${M.left}" y="24" font-size="15" font-weight="bold">${esc(title)}</text>
<rect x="${M.left}" y="${M.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#999"/>
${parts.join('\n')}
<text x="${M.left + plotW / 2}" y="${HEIGHT - 14}" text-anchor="middle" font-size="13">months since escape</text>
<text transform="translate(18 ${M.top + plotH / 2}) rotate(-90)" text-anchor="middle" font-size="13">still out of poverty (Kaplan–Meier)</text>
</svg>`;
}
