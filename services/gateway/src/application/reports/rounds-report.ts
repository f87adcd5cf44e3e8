import { type OpenRound, type RoundKind, type RoundStage, roundProgress } from '@benvung/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { listRounds } from '../review-rounds/list-rounds.js';
import { loadRound } from '../review-rounds/round-store.js';
import { inScope, unitOutOfScope } from '../unit-scope.js';
import { fill, HEADINGS, type ReportLang, say, TEXTS } from './labels.js';
import type { ReportTable } from './report-table.js';

/** Where one round stands, in counts of households. */
export interface RoundStatus {
  roundId: string;
  unitCode: string;
  unitName: string;
  kind: RoundKind;
  listYear: number;
  stage: RoundStage;
  /** Households surveyed (a review proposed). */
  surveyed: number;
  /** Of them, on the household's own application. */
  applied: number;
  /** Agreed as proposed at their village meeting, or changed there. */
  agreed: number;
  changed: number;
  /** Not yet through their village meeting. */
  pendingMeeting: number;
  complaintsOpen: number;
  complaintsResolved: number;
  /** Households whose result the chair's decision made official. */
  decided: number;
}

export interface RoundsReport {
  title: string;
  listYear: number;
  rounds: RoundStatus[];
  total: Omit<RoundStatus, 'roundId' | 'unitCode' | 'unitName' | 'kind' | 'listYear' | 'stage'>;
}

const COUNTS = [
  'surveyed',
  'applied',
  'agreed',
  'changed',
  'pendingMeeting',
  'complaintsOpen',
  'complaintsResolved',
  'decided',
] as const;

const TITLE = {
  vi: 'Tình hình rà soát hộ nghèo, hộ cận nghèo (danh sách năm {year})',
  en: 'Review rounds: where they stand (lists of {year})',
};
const ROUND_HEADINGS: Record<(typeof COUNTS)[number] | 'round' | 'kind' | 'stage', { vi: string; en: string }> = {
  round: { vi: 'Đợt rà soát', en: 'Round' },
  kind: { vi: 'Loại rà soát', en: 'Kind' },
  stage: { vi: 'Bước đang thực hiện', en: 'Stage' },
  surveyed: { vi: 'Số hộ đã rà soát', en: 'Households surveyed' },
  applied: { vi: 'Trong đó: hộ có đơn đề nghị', en: 'of which: on their application' },
  agreed: { vi: 'Số hộ được thống nhất tại họp thôn', en: 'Agreed at the village meeting' },
  changed: { vi: 'Số hộ thay đổi kết quả tại họp thôn', en: 'Changed at the village meeting' },
  pendingMeeting: { vi: 'Số hộ chưa họp bình xét', en: 'Not yet through a village meeting' },
  complaintsOpen: { vi: 'Khiếu nại chưa giải quyết', en: 'Complaints open' },
  complaintsResolved: { vi: 'Khiếu nại đã giải quyết', en: 'Complaints resolved' },
  decided: { vi: 'Số hộ đã có quyết định phê duyệt', en: 'Households decided' },
};
const STAGES: Record<RoundStage, { vi: string; en: string }> = {
  surveying: { vi: 'Đang rà soát, họp thôn', en: 'Surveys and village meetings' },
  posted: { vi: 'Đã niêm yết công khai', en: 'Posted' },
  decided: { vi: 'Đã có quyết định', en: 'Decided' },
  applied: { vi: 'Đã cập nhật vào hồ sơ hộ', en: 'Applied to the households' },
};
const KINDS: Record<RoundKind, { vi: string; en: string }> = {
  periodic: { vi: 'Định kỳ', en: 'Periodic' },
  regular: { vi: 'Thường xuyên', en: 'Regular' },
};

function statusOf(round: OpenRound, roundId: string, unitName: string): RoundStatus {
  const progress = roundProgress(round);
  const hh = progress.households;
  return {
    roundId,
    unitCode: round.unitCode,
    unitName,
    kind: round.kind,
    listYear: round.listYear,
    stage: progress.stage,
    surveyed: hh.length,
    applied: hh.filter((h) => h.applied).length,
    agreed: hh.filter((h) => h.meeting === 'agreed').length,
    changed: hh.filter((h) => h.meeting === 'changed').length,
    pendingMeeting: hh.filter((h) => h.meeting === 'pending').length,
    complaintsOpen: hh.filter((h) => h.complaint === 'open').length,
    complaintsResolved: hh.filter((h) => h.complaint === 'upheld' || h.complaint === 'rejected').length,
    decided: hh.filter((h) => h.decided !== undefined).length,
  };
}

/** At most this many rounds in one report (a province's communes, a periodic and a few regular rounds each). */
const MAX_ROUNDS = 2_000;

/**
 * Where each review round of a list year stands in the caller's units (or one unit of them), for
 * supervisors following the campaign: households surveyed, agreed or changed at village meetings,
 * complaints open and resolved, decided. The rounds as they stand now, from their own streams.
 */
export async function roundsReport(
  app: FastifyInstance,
  request: FastifyRequest,
  q: { unitCode?: string | undefined; year: number; lang: ReportLang },
): Promise<RoundsReport> {
  const covers = app.geography.covers;
  if (q.unitCode !== undefined && !inScope(request.units, q.unitCode, covers)) throw unitOutOfScope(q.unitCode);
  const unitCode = q.unitCode;
  const summaries = await listRounds(
    app.deps.store,
    {
      visible: (code) => inScope(request.units, code, covers),
      ...(unitCode !== undefined ? { unitCode: (code: string) => code === unitCode || covers(unitCode, code) } : {}),
      listYear: q.year,
    },
    MAX_ROUNDS,
  );
  const rounds: RoundStatus[] = [];
  for (const s of summaries) {
    const { state } = await loadRound(app.deps.store, s.roundId);
    if (state.status !== 'open') continue;
    rounds.push(statusOf(state, s.roundId, app.units.find(state.unitCode)?.name ?? state.unitCode));
  }
  rounds.sort((a, b) => a.unitCode.localeCompare(b.unitCode) || a.roundId.localeCompare(b.roundId));
  const total = Object.fromEntries(
    COUNTS.map((c) => [c, rounds.reduce((n, r) => n + r[c], 0)]),
  ) as RoundsReport['total'];
  return { title: fill(say(TITLE, q.lang), { year: q.year }), listYear: q.year, rounds, total };
}

/** The rounds as one table: a row per round, and the total. */
export function roundsTable(report: RoundsReport, lang: ReportLang): ReportTable {
  return {
    sheet: lang === 'vi' ? 'Rà soát' : 'Rounds',
    title: report.title,
    lines: [],
    notes: [],
    sections: [
      {
        columns: [
          { heading: say(HEADINGS.unitCode, lang), kind: 'text' },
          { heading: say(HEADINGS.unitName, lang), kind: 'text' },
          { heading: say(ROUND_HEADINGS.round, lang), kind: 'text' },
          { heading: say(ROUND_HEADINGS.kind, lang), kind: 'text' },
          { heading: say(ROUND_HEADINGS.stage, lang), kind: 'text' },
          ...COUNTS.map((c) => ({ heading: say(ROUND_HEADINGS[c], lang), kind: 'count' as const })),
        ],
        rows: [
          ...report.rounds.map((r) => [
            r.unitCode,
            r.unitName,
            r.roundId,
            say(KINDS[r.kind], lang),
            say(STAGES[r.stage], lang),
            ...COUNTS.map((c) => r[c]),
          ]),
          ['', say(TEXTS.total, lang), '', '', '', ...COUNTS.map((c) => report.total[c])],
        ],
      },
    ],
  };
}
