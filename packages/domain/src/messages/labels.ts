import type { ProblemLocale } from './format.js';

type Vocabulary = Readonly<Record<string, Readonly<Record<ProblemLocale, string>>>>;

/**
 * Codes that problems carry in their extension members (`classification: "near_poor"`), as words a
 * sentence can hold. A code missing here (a loan programme an administrator added) shows as is.
 */
export const VOCABULARIES = {
  classification: {
    poor: { vi: 'hộ nghèo', en: 'poor' },
    near_poor: { vi: 'hộ cận nghèo', en: 'near-poor' },
    non_poor: { vi: 'hộ không nghèo', en: 'non-poor' },
    unassessed: { vi: 'chưa được rà soát', en: 'not yet reviewed' },
  },
  level: {
    province: { vi: 'đơn vị cấp tỉnh', en: 'province' },
    district: { vi: 'đơn vị cấp huyện', en: 'district' },
    commune: { vi: 'đơn vị cấp xã', en: 'commune' },
  },
  area: {
    rural: { vi: 'nông thôn', en: 'rural' },
    urban: { vi: 'thành thị', en: 'urban' },
  },
  reviewType: {
    periodic: { vi: 'rà soát định kỳ', en: 'periodic review' },
    regular: { vi: 'rà soát thường xuyên', en: 'regular review' },
    baseline: { vi: 'ghi nhận danh sách ban đầu', en: 'baseline' },
  },
  closeReason: {
    dissolved: { vi: 'hộ giải thể', en: 'dissolved' },
    moved_away: { vi: 'chuyển đi nơi khác', en: 'moved away' },
    deceased: { vi: 'thành viên đã qua đời', en: 'deceased' },
  },
  /** Loans and trainings: the state a follow-up found them in. */
  status: {
    active: { vi: 'đang còn dư nợ', en: 'active' },
    overdue: { vi: 'đang quá hạn', en: 'overdue' },
    repaid: { vi: 'đã trả hết nợ', en: 'repaid' },
    written_off: { vi: 'đã được xóa nợ', en: 'written off' },
    enrolled: { vi: 'đang học', en: 'enrolled' },
    completed: { vi: 'đã hoàn thành', en: 'completed' },
    dropped: { vi: 'đã dừng giữa chừng', en: 'dropped' },
  },
  /** The dated steps of a review round. */
  roundStep: {
    survey: { vi: 'phiếu rà soát', en: 'survey' },
    village_meeting: { vi: 'cuộc họp bình xét ở thôn', en: 'village meeting' },
    posting: { vi: 'niêm yết công khai', en: 'posting' },
    posting_end: { vi: 'ngày kết thúc niêm yết', en: 'end of the posting' },
    complaint: { vi: 'khiếu nại', en: 'complaint' },
    complaint_resolution: { vi: 'giải quyết khiếu nại', en: 'complaint resolution' },
    decision: { vi: 'quyết định phê duyệt', en: 'decision' },
  },
  /** The shipped lending programmes of the Bank for Social Policies (VBSP). */
  programme: {
    poor_household: { vi: 'cho vay hộ nghèo', en: 'poor-household loans' },
    near_poor_household: { vi: 'cho vay hộ cận nghèo', en: 'near-poor-household loans' },
    newly_escaped_household: { vi: 'cho vay hộ mới thoát nghèo', en: 'newly-escaped-household loans' },
    water_sanitation: {
      vi: 'cho vay nước sạch và vệ sinh môi trường nông thôn',
      en: 'rural water and sanitation loans',
    },
    housing: { vi: 'cho vay nhà ở', en: 'housing loans' },
    job_creation: { vi: 'cho vay hỗ trợ tạo việc làm', en: 'job-creation loans' },
    labour_export: {
      vi: 'cho vay người lao động đi làm việc ở nước ngoài theo hợp đồng',
      en: 'loans for contract work abroad',
    },
    student: { vi: 'cho vay học sinh, sinh viên', en: 'student loans' },
    other: { vi: 'chương trình cho vay khác', en: 'other loans' },
  },
} as const satisfies Readonly<Record<string, Vocabulary>>;

export type ValueVocabulary = keyof typeof VOCABULARIES;

/** A code as words in a language; the code itself when the vocabulary does not know it. */
export function labelOf(vocabulary: ValueVocabulary, code: string, locale: ProblemLocale): string {
  const words: Vocabulary = VOCABULARIES[vocabulary];
  return words[code]?.[locale] ?? code;
}
