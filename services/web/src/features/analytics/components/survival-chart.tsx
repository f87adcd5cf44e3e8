import { Box } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../../lib/format';
import {
  bandPoints,
  censorMarks,
  type PreparedCurve,
  pathOf,
  solidEnd,
  stepPoints,
  survivalFloor,
  survivalTicks,
  toDays,
} from '../lib/km';
import { asLanguage } from '../lib/stats-format';

export interface ChartSeries {
  key: string;
  label: string;
  curve: PreparedCurve;
  colour: string;
  dash: string | undefined;
}

interface SurvivalChartProps {
  series: readonly ChartSeries[];
  /** The time axis: its end and ticks, in months (shared with the at-risk table). */
  maxMonths: number;
  monthTicks: readonly number[];
  zeroBased: boolean;
  title: string;
  summary: string;
}

/** Marks beyond the last relapse when the end of follow-up is not known: dotted, apart from series dashes. */
const OPEN_TAIL_DASH = '1 4';

/**
 * Kaplan–Meier curves drawn here as SVG with React: a few step paths, bands and ticks need no
 * charting library (d3 would add scales and shapes the page computes in a few lines, and would not
 * know how to draw a withheld group). Sized to its container so labels stay readable on a phone.
 */
export function SurvivalChart({ series, maxMonths, monthTicks, zeroBased, title, summary }: SurvivalChartProps) {
  const { t, i18n } = useTranslation('analytics');
  const language = asLanguage(i18n.language);
  const id = useId();
  const { ref, width } = useElementSize();
  const W = Math.max(280, Math.round(width) || 640);
  const compact = W < 480;
  const H = Math.round(Math.min(460, Math.max(280, W * 0.6)));
  const M = { left: compact ? 48 : 60, right: compact ? 10 : 16, top: 12, bottom: 46 };
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const maxDays = toDays(maxMonths);
  const floor = survivalFloor(
    series.map((s) => s.curve),
    zeroBased,
  );
  const x = (days: number) => M.left + (Math.min(days, maxDays) / maxDays) * plotW;
  const y = (s: number) => M.top + ((1 - s) / (1 - floor)) * plotH;
  const fontSize = compact ? 11 : 12;
  const clip = `${id}-clip`;
  // Fewer labels on a phone: every other month tick when they would crowd.
  const labelEvery = plotW / Math.max(1, monthTicks.length - 1) < 36 ? 2 : 1;

  return (
    <Box ref={ref} w="100%">
      <svg
        width={W}
        height={H}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        style={{ display: 'block', maxWidth: '100%', height: 'auto', fontFamily: 'inherit' }}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <defs>
          <clipPath id={clip}>
            <rect x={M.left} y={M.top - 2} width={plotW + 2} height={plotH + 4} />
          </clipPath>
        </defs>
        <rect x={M.left} y={M.top} width={plotW} height={plotH} fill="none" stroke="#adb5bd" />
        {survivalTicks(floor).map((v) => (
          <g key={`y${v}`}>
            <line x1={M.left} x2={M.left + plotW} y1={y(v)} y2={y(v)} stroke="#e9ecef" />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end" fontSize={fontSize} fill="#343a40">
              {formatPercent(v, language)}
            </text>
          </g>
        ))}
        {monthTicks.map((m, i) => (
          <g key={`x${m}`}>
            <line x1={x(toDays(m))} x2={x(toDays(m))} y1={M.top} y2={M.top + plotH} stroke="#e9ecef" />
            {i % labelEvery === 0 && (
              <text x={x(toDays(m))} y={M.top + plotH + 16} textAnchor="middle" fontSize={fontSize} fill="#343a40">
                {formatNumber(m, language)}
              </text>
            )}
          </g>
        ))}
        <text x={M.left + plotW / 2} y={H - 8} textAnchor="middle" fontSize={fontSize + 1} fill="#212529">
          {t('survival.xAxis')}
        </text>
        <text
          transform={`translate(${compact ? 12 : 14} ${M.top + plotH / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={fontSize + 1}
          fill="#212529"
        >
          {t('survival.yAxis')}
        </text>
        <g clipPath={`url(#${clip})`}>
          {series.map((s) => {
            const end = solidEnd(s.curve);
            return (
              <path
                key={`band-${s.key}`}
                d={pathOf(bandPoints(s.curve.steps, end), x, y, true)}
                fill={s.colour}
                fillOpacity={0.14}
                stroke="none"
              />
            );
          })}
          {series.map((s) => {
            const end = solidEnd(s.curve);
            const last = s.curve.steps.at(-1)?.survival ?? 1;
            const openTail = s.curve.maxTime === null && s.curve.remaining > 0 && !s.curve.tailWithheld;
            const tailEnd = Math.min(maxDays, s.curve.limit ?? maxDays);
            return (
              <g key={`curve-${s.key}`} stroke={s.colour} fill="none">
                <path
                  d={pathOf(stepPoints(s.curve.steps, 'survival', end), x, y)}
                  strokeWidth={2}
                  strokeDasharray={s.dash}
                />
                {openTail && end < tailEnd && (
                  <line
                    x1={x(end)}
                    x2={x(tailEnd)}
                    y1={y(last)}
                    y2={y(last)}
                    strokeWidth={2}
                    strokeDasharray={OPEN_TAIL_DASH}
                    strokeLinecap="round"
                  />
                )}
                {censorMarks(s.curve)
                  .filter((mark) => mark.to !== null)
                  .map((mark) => {
                    const at = x((mark.from + (mark.to ?? mark.from)) / 2);
                    return (
                      <line
                        key={`${mark.from}-${mark.to}`}
                        x1={at}
                        x2={at}
                        y1={y(mark.survival) - 5}
                        y2={y(mark.survival) + 5}
                        strokeWidth={1.5}
                      />
                    );
                  })}
              </g>
            );
          })}
        </g>
      </svg>
    </Box>
  );
}

/** A small sample of a series' line for the legend (decorative: the label says which group). */
export function SeriesSwatch({
  colour,
  dash,
  muted = false,
}: {
  colour: string;
  dash?: string | undefined;
  muted?: boolean;
}) {
  return (
    <svg width="28" height="12" aria-hidden="true" focusable="false" style={{ flex: 'none' }}>
      {muted ? (
        <rect x="1" y="1" width="26" height="10" fill="none" stroke="#868e96" strokeDasharray="2 2" />
      ) : (
        <>
          <rect x="0" y="2" width="28" height="8" fill={colour} fillOpacity={0.14} />
          <line x1="0" x2="28" y1="6" y2="6" stroke={colour} strokeWidth={2} strokeDasharray={dash} />
        </>
      )}
    </svg>
  );
}
