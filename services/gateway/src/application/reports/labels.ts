import type { Words } from './balance-fields.js';

/** The languages a report is written in: Vietnamese (the forms') by default, English on request. */
export type ReportLang = 'vi' | 'en';

export const say = (w: Words, lang: ReportLang): string => w[lang];

/** Titles of the report tables. */
export const TITLES = {
  balance: {
    vi: 'Diễn biến hộ nghèo, hộ cận nghèo năm {year}',
    en: 'Poor and near-poor households: movements in {year}',
  },
  rates: { vi: 'Tỷ lệ hộ nghèo, hộ cận nghèo năm {year}', en: 'Poverty and near-poverty rates, {year}' },
  breakdown: {
    vi: 'Hộ nghèo, hộ cận nghèo năm {year} theo {by}',
    en: 'Poor and near-poor households in {year} by {by}',
  },
  deprivations: {
    vi: 'Thiếu hụt các dịch vụ xã hội cơ bản của hộ nghèo, hộ cận nghèo cuối năm {year}',
    en: 'Deprivations of poor and near-poor households at the end of {year}',
  },
} as const;

export const BREAKDOWN_BY = {
  area: { vi: 'khu vực (thành thị, nông thôn)', en: 'area (urban, rural)' },
  ethnic_minority: { vi: 'dân tộc của chủ hộ', en: 'ethnicity of the head' },
  unable_to_escape: { vi: 'khả năng thoát nghèo', en: 'ability to escape poverty' },
} as const;

export const GROUPS: Record<string, Words> = {
  rural: { vi: 'Nông thôn', en: 'Rural' },
  urban: { vi: 'Thành thị', en: 'Urban' },
  minority: { vi: 'Chủ hộ là người dân tộc thiểu số', en: 'Ethnic-minority head' },
  kinh: { vi: 'Chủ hộ là người dân tộc Kinh', en: 'Kinh head' },
  unknown: { vi: 'Chưa ghi nhận dân tộc chủ hộ', en: 'Head’s ethnicity not recorded' },
  unable: { vi: 'Hộ không có khả năng thoát nghèo', en: 'Unable to escape poverty' },
  other: { vi: 'Hộ còn lại', en: 'Other households' },
};

export const LISTS = {
  poor: { vi: 'Hộ nghèo', en: 'Poor households' },
  near_poor: { vi: 'Hộ cận nghèo', en: 'Near-poor households' },
} as const;

/** The six dimensions of the 2022–2026 standard (the rules name them in English); others show as they are. */
export const DIMENSIONS: Record<string, Words> = {
  employment: { vi: 'Việc làm', en: 'Employment' },
  health: { vi: 'Y tế', en: 'Health' },
  education: { vi: 'Giáo dục', en: 'Education' },
  housing: { vi: 'Nhà ở', en: 'Housing' },
  'water and sanitation': { vi: 'Nước sinh hoạt và vệ sinh', en: 'Water and sanitation' },
  information: { vi: 'Thông tin', en: 'Information' },
};

export const TARGET_KINDS = {
  rate_reduction_points: { vi: 'Giảm tỷ lệ (điểm %)', en: 'Rate reduction (percentage points)' },
  households_reduction: { vi: 'Giảm số hộ', en: 'Fewer households' },
  rate_below_percent: { vi: 'Tỷ lệ cuối năm dưới (%)', en: 'Rate at the year’s end below (%)' },
} as const;

/** Column headings shared by several tables. */
export const HEADINGS = {
  unitCode: { vi: 'Mã đơn vị', en: 'Unit code' },
  unitName: { vi: 'Tên đơn vị', en: 'Unit' },
  group: { vi: 'Nhóm hộ', en: 'Group' },
  share: { vi: 'Tỷ trọng trong tổng số hộ cuối năm (%)', en: 'Share of the list at the year’s end (%)' },
  households: { vi: 'Tổng số hộ', en: 'Total households' },
  population: { vi: 'Tổng số nhân khẩu', en: 'Total population' },
  poorClosing: { vi: 'Số hộ nghèo cuối năm', en: 'Poor households' },
  poorRate: { vi: 'Tỷ lệ hộ nghèo (%)', en: 'Poverty rate (%)' },
  poorPreviousRate: { vi: 'Tỷ lệ hộ nghèo đầu năm (%)', en: 'Poverty rate at the start of the year (%)' },
  poorChange: { vi: 'Tăng (+), giảm (−) tỷ lệ hộ nghèo (điểm %)', en: 'Change of the poverty rate (points)' },
  nearPoorClosing: { vi: 'Số hộ cận nghèo cuối năm', en: 'Near-poor households' },
  nearPoorRate: { vi: 'Tỷ lệ hộ cận nghèo (%)', en: 'Near-poverty rate (%)' },
  nearPoorPreviousRate: { vi: 'Tỷ lệ hộ cận nghèo đầu năm (%)', en: 'Near-poverty rate at the start of the year (%)' },
  nearPoorChange: {
    vi: 'Tăng (+), giảm (−) tỷ lệ hộ cận nghèo (điểm %)',
    en: 'Change of the near-poverty rate (points)',
  },
  unable: { vi: 'Số hộ nghèo không có khả năng thoát nghèo', en: 'Poor households unable to escape' },
  rateExcludingUnable: {
    vi: 'Tỷ lệ hộ nghèo không tính hộ không có khả năng thoát nghèo (%)',
    en: 'Poverty rate without households unable to escape (%)',
  },
  list: { vi: 'Danh sách', en: 'List' },
  targetKind: { vi: 'Chỉ tiêu', en: 'Target' },
  targetValue: { vi: 'Mức chỉ tiêu', en: 'Target value' },
  achieved: { vi: 'Kết quả thực hiện', en: 'Achieved' },
  met: { vi: 'Đánh giá', en: 'Assessment' },
  standard: { vi: 'Chuẩn nghèo', en: 'Standard' },
  dimension: { vi: 'Chiều thiếu hụt', en: 'Dimension' },
  indicator: { vi: 'Chỉ số thiếu hụt', en: 'Indicator' },
  measured: { vi: 'Số hộ có số liệu thiếu hụt', en: 'Households with deprivations measured' },
  deprived: { vi: 'Số hộ thiếu hụt', en: 'Households deprived' },
  deprivedShare: { vi: 'Tỷ lệ hộ thiếu hụt (%)', en: 'Share deprived (%)' },
} as const;

/** Words of the title rows and notes. */
export const TEXTS = {
  unit: { vi: 'Đơn vị: {name} (mã {code})', en: 'Unit: {name} (code {code})' },
  units: { vi: 'Đơn vị: {names}', en: 'Units: {names}' },
  national: { vi: 'Đơn vị: toàn quốc', en: 'Unit: the whole country' },
  asOf: { vi: 'Số liệu theo dữ liệu ghi nhận đến hết ngày {asOf}', en: 'Figures as recorded by the end of {asOf}' },
  unitsOn: { vi: 'Đơn vị hành chính theo danh mục ngày {unitsOn}', en: 'Administrative units as on {unitsOn}' },
  provisional: {
    vi: 'Số liệu tạm tính: năm {year} chưa kết thúc',
    en: 'Provisional figures: the year {year} has not ended',
  },
  total: { vi: 'Tổng cộng', en: 'Total' },
  remainder: {
    vi: '{name}: hộ thuộc xã cũ đã chia tách, chưa xác định được xã mới',
    en: '{name}: households of split former communes, not attributable to one commune',
  },
  corrections: {
    vi: 'Ghi chú: sau ngày {asOf} đã ghi nhận {count} điều chỉnh có hiệu lực trong hoặc trước năm {year}; số liệu trên đã tính các điều chỉnh này và có thể khác bản in ngày {asOf}:',
    en: 'Note: {count} change(s) taking effect in or before {year} were recorded after {asOf}; the figures include them and may differ from a copy printed on {asOf}:',
  },
  correction: {
    vi: '{kind} {eventType} (hiệu lực từ {effectiveFrom}, ghi nhận {recordedAt}, sự kiện {eventId})',
    en: '{kind} {eventType} (effective from {effectiveFrom}, recorded {recordedAt}, event {eventId})',
  },
  suppressed: {
    vi: 'Số liệu dựa trên dưới {threshold} hộ được để trống để không nhận diện được hộ.',
    en: 'Figures resting on fewer than {threshold} households are left blank so that no household can be identified.',
  },
  noDenominator: {
    vi: 'Tỷ lệ để trống: đơn vị chưa có tổng số hộ của năm.',
    en: 'Rates left blank: the unit has no total of households for the year.',
  },
  ethnicityNow: {
    vi: 'Dân tộc của chủ hộ theo ghi nhận hiện tại.',
    en: 'The head’s ethnicity as recorded now.',
  },
} as const;

export const CORRECTION_KINDS: Record<string, Words> = {
  late_entry: { vi: 'Nhập muộn', en: 'Entered late:' },
  voided: { vi: 'Hủy', en: 'Voided:' },
  amended: { vi: 'Sửa', en: 'Amended:' },
};

export const MET = {
  yes: { vi: 'Đạt', en: 'Met' },
  no: { vi: 'Không đạt', en: 'Not met' },
  unknown: { vi: 'Chưa đủ số liệu', en: 'Not enough figures' },
} as const;

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
