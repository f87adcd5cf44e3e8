import type { ProblemTexts } from './format.js';

/** Problems of the report tables and of units' figures (denominators and targets). */
export const REPORT_PROBLEM_MESSAGES = {
  AS_OF_IN_FUTURE: {
    vi: {
      title: 'Ngày trong tương lai',
      detail: 'Ngày lấy số liệu {asOf:date} sau ngày hôm nay[ ({today:date})]: chưa biết dữ liệu sẽ được ghi nhận.',
    },
    en: {
      title: 'Date in the future',
      detail: 'asOf {asOf:date} is after today[ ({today:date})]: what will have been recorded is not known.',
    },
  },
  REPORT_YEAR_NOT_ENDED: {
    vi: {
      title: 'Năm báo cáo chưa kết thúc',
      detail:
        'Đến ngày {asOf:date} năm {year} chưa kết thúc: chọn ngày lấy số liệu từ 31/12/{year} trở đi, hoặc ngày hôm nay để xem số liệu tạm tính.',
    },
    en: {
      title: 'The year had not ended',
      detail:
        'The year {year} had not ended on {asOf:date}: ask as of 31 December {year} or later, or as of today for the figures so far.',
    },
  },
  UNIT_FIGURES_INVALID: {
    vi: {
      title: 'Bảng số liệu không được chấp nhận',
      detail:
        'Bảng tổng số hộ, nhân khẩu có {count:number} lỗi (chi tiết trong danh sách problems); chưa ghi nhận dòng nào.',
    },
    en: {
      title: 'The figures were refused',
      detail:
        'The table of households and population has {count:number} problem(s), listed in problems; nothing was recorded.',
    },
  },
} as const satisfies Readonly<Record<string, ProblemTexts>>;
