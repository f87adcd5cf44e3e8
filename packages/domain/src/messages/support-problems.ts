import type { DomainErrorCode } from '../shared/error-codes.js';
import type { ProblemTexts } from './format.js';

/** Domain errors of support actions (loans, trainings, cards), corrections and rule versions. */
export const SUPPORT_PROBLEM_MESSAGES = {
  AMOUNT_OUT_OF_RANGE: {
    vi: {
      title: 'Số tiền không hợp lệ',
      detail: 'Số tiền phải là số nguyên dương, không vượt quá {max:vnd}[ theo {basis}][; đã nhập {value:vnd}].',
    },
    en: {
      title: 'Amount out of range',
      detail: 'The amount must be a positive whole number of at most {max:vnd}[ ({basis})][; {value:vnd} given].',
    },
  },
  DATE_BEFORE_START: {
    vi: { title: 'Ngày không hợp lệ', detail: 'Ngày {date:date} sớm hơn ngày bắt đầu {start:date}.' },
    en: { title: 'Date before the start', detail: 'The date {date:date} is before the start, {start:date}.' },
  },
  LOAN_ALREADY_RECORDED: {
    vi: { title: 'Khoản vay đã được ghi nhận', detail: 'Khoản vay {loanId} đã được ghi nhận trước đó.' },
    en: { title: 'Loan already recorded', detail: 'Loan {loanId} is already recorded.' },
  },
  LOAN_NOT_FOUND: {
    vi: { title: 'Không tìm thấy khoản vay', detail: 'Chưa ghi nhận khoản vay {loanId} nào của hộ.' },
    en: { title: 'Loan not found', detail: 'No loan {loanId} is recorded for this household.' },
  },
  LOAN_CLOSED: {
    vi: {
      title: 'Khoản vay đã kết thúc',
      detail: 'Khoản vay {loanId} {loanStatus:status}, không thể ghi nhận thêm.',
    },
    en: { title: 'Loan closed', detail: 'Loan {loanId} is {loanStatus:status}; nothing more can be recorded on it.' },
  },
  LOAN_TERM_OUT_OF_RANGE: {
    vi: {
      title: 'Thời hạn vay không hợp lệ',
      detail: 'Thời hạn vay của chương trình {programme:programme} phải từ 1 đến {max:number} tháng[ theo {basis}].',
    },
    en: {
      title: 'Loan term out of range',
      detail: 'A loan of the {programme:programme} programme runs 1 to {max:number} months[ ({basis})].',
    },
  },
  LOAN_RATE_REQUIRED: {
    vi: {
      title: 'Cần ghi lãi suất',
      detail:
        'Quy định chưa có lãi suất của chương trình {programme:programme}[ do {lender} cho vay]; hãy ghi rõ lãi suất của khoản vay.',
    },
    en: {
      title: 'Loan rate required',
      detail: 'No rate is on record for the {programme:programme} programme[ from {lender}]: state it.',
    },
  },
  LOAN_RATE_MISMATCH: {
    vi: {
      title: 'Lãi suất không khớp quy định',
      detail: 'Lãi suất cho vay theo quy định là {expected:percent}/năm[ ({basis})], không phải {stated:percent}.',
    },
    en: {
      title: 'Loan rate mismatch',
      detail: 'The rate in force is {expected:percent} a year[ ({basis})], not {stated:percent}.',
    },
  },
  LOAN_RATE_OUT_OF_RANGE: {
    vi: {
      title: 'Lãi suất không hợp lệ',
      detail: 'Lãi suất năm phải lớn hơn 0 và không vượt quá mức tối đa cho phép[; đã nhập {rate:percent}].',
    },
    en: {
      title: 'Loan rate out of range',
      detail: 'An annual rate must be above 0 and within the allowed maximum[; {rate:percent} given].',
    },
  },
  LOAN_PROGRAMME_NOT_ELIGIBLE: {
    vi: {
      title: 'Hộ không thuộc đối tượng vay',
      detail:
        'Hộ không thuộc đối tượng {programme:programme}: vào ngày {date:date}, tình trạng của hộ là {classification:classification}.',
    },
    en: {
      title: 'Not eligible for this programme',
      detail:
        'The household is not eligible for {programme:programme}: on {date:date} it was {classification:classification}.',
    },
  },
  UNKNOWN_LOAN_PROGRAMME: {
    vi: {
      title: 'Chương trình cho vay không tồn tại',
      detail: 'Không có chương trình cho vay mã {programme}.[ Các chương trình hiện có: {allowed}.]',
    },
    en: { title: 'Unknown loan programme', detail: 'No lending programme {programme}.[ Known: {allowed}.]' },
  },
  UNKNOWN_PROGRAMME_COMPONENT: {
    vi: {
      title: 'Dự án thành phần không tồn tại',
      detail: 'Không có dự án, tiểu dự án thành phần mã {component}.[ Các mã đang có hiệu lực: {allowed}.]',
    },
    en: { title: 'Unknown programme component', detail: 'No programme component {component}.[ In force: {allowed}.]' },
  },
  COMPONENT_NOT_VALID_ON_DATE: {
    vi: {
      title: 'Dự án thành phần không áp dụng vào ngày này',
      detail:
        'Dự án thành phần {component} không áp dụng vào ngày {date:date}.[ Hiệu lực từ ngày {validFrom:date}.][ Hết hiệu lực sau ngày {validTo:date}.][ Các mã áp dụng vào ngày đó: {allowed}.]',
    },
    en: {
      title: 'Component not valid on that date',
      detail:
        'Component {component} does not run on {date:date}.[ It runs from {validFrom:date}.][ It ended on {validTo:date}.][ In force then: {allowed}.]',
    },
  },
  NOT_NEWLY_ESCAPED: {
    vi: {
      title: 'Hộ không phải hộ mới thoát nghèo',
      detail:
        'Chương trình cho vay hộ mới thoát nghèo chỉ dành cho hộ thoát nghèo trong vòng 36 tháng trước ngày {date:date}.[ Lần thoát nghèo gần nhất của hộ: {lastEscape:date}.]',
    },
    en: {
      title: 'Not newly escaped',
      detail:
        'A newly-escaped-household loan needs an escape within 36 months before {date:date}.[ Last escape: {lastEscape:date}.]',
    },
  },
  REPAYMENT_EXCEEDS_OUTSTANDING: {
    vi: {
      title: 'Số tiền trả vượt dư nợ',
      detail: 'Số tiền trả {amountVnd:vnd} lớn hơn dư nợ còn lại {outstandingVnd:vnd} của khoản vay {loanId}.',
    },
    en: {
      title: 'Repayment exceeds the outstanding amount',
      detail: 'Repaying {amountVnd:vnd} of loan {loanId}, which has {outstandingVnd:vnd} outstanding.',
    },
  },
  TRAINING_ALREADY_RECORDED: {
    vi: { title: 'Khóa đào tạo đã được ghi nhận', detail: 'Khóa đào tạo {trainingId} đã được ghi nhận trước đó.' },
    en: { title: 'Training already recorded', detail: 'Training {trainingId} is already recorded.' },
  },
  TRAINING_NOT_FOUND: {
    vi: { title: 'Không tìm thấy khóa đào tạo', detail: 'Chưa ghi nhận khóa đào tạo {trainingId} nào của hộ.' },
    en: { title: 'Training not found', detail: 'No training {trainingId} is recorded for this household.' },
  },
  TRAINING_ALREADY_ENDED: {
    vi: {
      title: 'Khóa đào tạo đã kết thúc',
      detail: 'Khóa đào tạo {trainingId} {trainingStatus:status}, không thể ghi nhận thêm.',
    },
    en: { title: 'Training already ended', detail: 'Training {trainingId} is already {trainingStatus:status}.' },
  },
  HEALTH_CARDS_EXCEED_MEMBERS: {
    vi: {
      title: 'Số thẻ BHYT vượt số nhân khẩu',
      detail: 'Số thẻ bảo hiểm y tế ({cardCount:number}) nhiều hơn số nhân khẩu của hộ ({memberCount:number}).',
    },
    en: {
      title: 'More cards than members',
      detail: '{cardCount:number} health insurance cards for {memberCount:number} member(s).',
    },
  },
  CARD_VALIDITY_BEFORE_ISSUE: {
    vi: {
      title: 'Hạn sử dụng thẻ BHYT không hợp lệ',
      detail:
        'Thẻ bảo hiểm y tế cấp ngày {occurredAt:date} phải có hạn sử dụng sau ngày cấp (đã nhập {validUntil:date}).',
    },
    en: {
      title: 'Card validity before issue',
      detail: 'Cards issued on {occurredAt:date} must be valid after that date ({validUntil:date} given).',
    },
  },
  // corrections
  EVENT_NOT_FOUND: {
    vi: { title: 'Không tìm thấy bản ghi', detail: 'Lịch sử của hộ không có bản ghi {eventId}.' },
    en: { title: 'Event not found', detail: 'No event {eventId} in this household’s history.' },
  },
  EVENT_ALREADY_VOIDED: {
    vi: { title: 'Bản ghi đã bị hủy', detail: 'Bản ghi {eventId} đã bị hủy trước đó.' },
    en: { title: 'Event already voided', detail: 'Event {eventId} is already voided.' },
  },
  EVENT_NOT_CORRECTABLE: {
    vi: {
      title: 'Không thể sửa hoặc hủy bản ghi này',
      detail: 'Bản ghi loại {eventType} không thể được sửa hoặc hủy theo cách này.',
    },
    en: { title: 'Event not correctable', detail: 'A {eventType} event cannot be corrected this way.' },
  },
  EVENT_HAS_DEPENDANTS: {
    vi: {
      title: 'Bản ghi còn các bản ghi phụ thuộc',
      detail: 'Hãy hủy trước các bản ghi theo dõi tiếp của bản ghi {eventId}[ ({dependants:count} bản ghi)].',
    },
    en: {
      title: 'Event has follow-ups',
      detail: 'Void the follow-ups of event {eventId} first[ ({dependants:count} of them)].',
    },
  },
  AMENDMENT_TYPE_MISMATCH: {
    vi: {
      title: 'Loại bản ghi sửa không khớp',
      detail: 'Bản ghi loại {expected} chỉ được sửa bằng một bản ghi cùng loại[, không phải {actual}].',
    },
    en: {
      title: 'Amendment of another type',
      detail: 'A {expected} event must be amended by a {expected} event[, not {actual}].',
    },
  },
  AMENDMENT_CHANGES_IDENTITY: {
    vi: {
      title: 'Bản sửa không được đổi khoản vay hoặc khóa đào tạo',
      detail: 'Bản sửa phải giữ nguyên khoản vay hoặc khóa đào tạo mà bản ghi gốc nói tới.',
    },
    en: {
      title: 'Amendment changes identity',
      detail: 'An amendment keeps the loan or training the original event refers to.',
    },
  },
  AMENDMENT_OUT_OF_ORDER: {
    vi: {
      title: 'Bản sửa làm đảo thứ tự rà soát',
      detail:
        'Sau khi sửa, kết quả rà soát (hiệu lực ngày {effectiveDate:date}) sẽ đứng sau lần rà soát kế tiếp (hiệu lực ngày {nextEffectiveDate:date}).',
    },
    en: {
      title: 'Amendment out of order',
      detail: 'The amended review ({effectiveDate:date}) would follow the next review ({nextEffectiveDate:date}).',
    },
  },
  // rule versions
  NO_RULES_IN_FORCE: {
    vi: {
      title: 'Chưa có quy định áp dụng',
      detail:
        'Không có quy định nào có hiệu lực vào ngày {date:date}.[ Quy định sớm nhất có hiệu lực từ ngày {firstEffectiveDate:date}.]',
    },
    en: {
      title: 'No rules in force',
      detail: 'No rules are in force on {date:date}.[ The earliest take effect on {firstEffectiveDate:date}.]',
    },
  },
  RULES_INVALID: {
    vi: {
      title: 'Bộ quy định không hợp lệ',
      detail: 'Bộ quy định gửi lên không nhất quán ({problems:count} lỗi, chi tiết trong danh sách problems).',
    },
    en: {
      title: 'Rules invalid',
      detail: 'The rules would not be consistent ({problems:count} problem(s), listed in problems).',
    },
  },
} as const satisfies Partial<Record<DomainErrorCode, ProblemTexts>>;
