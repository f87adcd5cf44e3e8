import type { DomainErrorCode } from '../shared/error-codes.js';
import type { ProblemTexts } from './format.js';

/** Domain errors of review form scores and review rounds. */
export const REVIEW_ROUND_PROBLEM_MESSAGES = {
  FORM_SCORES_NOT_DEFINED: {
    vi: {
      title: 'Chuẩn nghèo chưa có cách tính điểm phiếu',
      detail:
        'Chuẩn nghèo {standardId} chưa có thang điểm phiếu rà soát; vui lòng ghi thu nhập bình quân đầu người thay cho điểm.',
    },
    en: {
      title: 'No form scoring for this standard',
      detail: 'Standard {standardId} has no review-form scoring recorded; record the income per capita instead.',
    },
  },
  FORM_SCORES_INCONSISTENT: {
    vi: {
      title: 'Điểm B2 không khớp các chỉ số thiếu hụt',
      detail:
        'Điểm B2 ghi là {deprivationPoints:number} nhưng {deprivationCount:number} chỉ số thiếu hụt được đánh dấu cho {expectedPoints:number} điểm.',
    },
    en: {
      title: 'B2 points do not match the deprivations',
      detail:
        'B2 is {deprivationPoints:number} points but the {deprivationCount:number} deprivation(s) marked give {expectedPoints:number}.',
    },
  },
  ROUND_NOT_FOUND: {
    vi: {
      title: 'Không tìm thấy đợt rà soát',
      detail: 'Không tìm thấy đợt rà soát[ {roundId}], hoặc đợt rà soát không thuộc địa bàn bạn được phân công.',
    },
    en: { title: 'Review round not found', detail: 'No such review round[ {roundId}], or it is not in your units.' },
  },
  ROUND_ID_MISMATCH: {
    vi: {
      title: 'Mã đợt rà soát không phù hợp',
      detail: 'Mã đợt rà soát {roundId} không phù hợp[; mã đúng là {expectedRoundId}].',
    },
    en: {
      title: 'Round id mismatch',
      detail: 'The round id {roundId} does not fit[; it should be {expectedRoundId}].',
    },
  },
  ROUND_ALREADY_OPEN: {
    vi: {
      title: 'Đợt rà soát đã được mở',
      detail:
        'Đợt rà soát {roundId} đã được mở ngày {openedOn:date}: mỗi xã chỉ có một đợt rà soát định kỳ cho mỗi năm danh sách.',
    },
    en: {
      title: 'Review round already open',
      detail: 'Round {roundId} was opened on {openedOn:date}: a commune has one periodic round for each list year.',
    },
  },
  ROUND_OUTSIDE_WINDOW: {
    vi: {
      title: 'Ngoài thời gian rà soát định kỳ',
      detail:
        'Rà soát định kỳ cho danh sách năm {listYear} diễn ra từ {from:date} đến {to:date}; mở đợt rà soát ngày {openedOn:date} cần lý do của cán bộ phụ trách.',
    },
    en: {
      title: 'Outside the review window',
      detail:
        'The periodic review for the lists of {listYear} runs from {from:date} to {to:date}; opening it on {openedOn:date} needs a supervisor’s reason.',
    },
  },
  ROUND_DECIDED: {
    vi: {
      title: 'Đợt rà soát đã có quyết định',
      detail:
        'Đợt rà soát {roundId} đã có quyết định số {decisionNo} ngày {issuedOn:date}; muốn điều chỉnh kết quả của một hộ, hãy đính chính kết quả rà soát trong hồ sơ của hộ.',
    },
    en: {
      title: 'Round already decided',
      detail:
        'Round {roundId} was decided by {decisionNo} on {issuedOn:date}; correct a household’s result in its own history.',
    },
  },
  ROUND_LISTS_POSTED: {
    vi: {
      title: 'Danh sách đã được niêm yết',
      detail:
        'Danh sách của đợt rà soát {roundId} đã niêm yết từ ngày {postedOn:date}; thay đổi kết quả lúc này chỉ qua giải quyết khiếu nại.',
    },
    en: {
      title: 'Lists already posted',
      detail: 'The lists of round {roundId} were posted on {postedOn:date}; a change now goes through a complaint.',
    },
  },
  ROUND_NOT_POSTED: {
    vi: {
      title: 'Danh sách chưa được niêm yết',
      detail: 'Danh sách của đợt rà soát {roundId} chưa được niêm yết công khai.',
    },
    en: { title: 'Lists not posted yet', detail: 'The lists of round {roundId} have not been posted yet.' },
  },
  ROUND_HAS_NO_REVIEWS: {
    vi: {
      title: 'Chưa có hộ nào được rà soát',
      detail: 'Đợt rà soát {roundId} chưa có kết quả rà soát nào để niêm yết.',
    },
    en: { title: 'No proposed review', detail: 'Round {roundId} has no proposed review to post.' },
  },
  ROUND_MEETINGS_PENDING: {
    vi: {
      title: 'Còn hộ chưa được bình xét',
      detail: 'Còn {households:count} hộ chưa có kết quả họp bình xét ở thôn ({villages:and}).',
    },
    en: {
      title: 'Village meetings pending',
      detail: '{households:count} proposal(s) have no village meeting outcome yet ({villages:and}).',
    },
  },
  ROUND_STEP_TOO_EARLY: {
    vi: {
      title: 'Ngày không hợp lệ',
      detail: 'Ngày của bước {step:roundStep} ({date:date}) không thể trước ngày {earliest:date}.',
    },
    en: { title: 'Date too early', detail: 'The {step:roundStep} ({date:date}) cannot come before {earliest:date}.' },
  },
  ROUND_DECISION_BEFORE_POSTING_ENDED: {
    vi: {
      title: 'Chưa hết thời gian niêm yết',
      detail:
        'Danh sách niêm yết đến hết ngày {postedUntil:date}; quyết định chỉ được ban hành từ ngày {earliest:date}, không phải ngày {issuedOn:date}.',
    },
    en: {
      title: 'Posting not over',
      detail:
        'The lists are posted until {postedUntil:date}; the decision can be issued from {earliest:date}, not on {issuedOn:date}.',
    },
  },
  ROUND_COMPLAINTS_UNRESOLVED: {
    vi: {
      title: 'Còn khiếu nại chưa giải quyết',
      detail:
        'Còn {households:count} khiếu nại chưa được giải quyết; cần giải quyết xong trước khi ban hành quyết định.',
    },
    en: {
      title: 'Complaints unresolved',
      detail: '{households:count} complaint(s) are not resolved yet; resolve them before the decision.',
    },
  },
  ROUND_HOUSEHOLD_NOT_PROPOSED: {
    vi: {
      title: 'Hộ chưa có trong đợt rà soát',
      detail: 'Hộ {householdId} chưa có kết quả rà soát đề xuất trong đợt rà soát {roundId}.',
    },
    en: {
      title: 'Household not in the round',
      detail: 'Household {householdId} has no proposed review in round {roundId}.',
    },
  },
  ROUND_HOUSEHOLD_OUTSIDE_UNIT: {
    vi: {
      title: 'Hộ không thuộc xã của đợt rà soát',
      detail: 'Hộ {householdId} thuộc đơn vị {unitCode}, không thuộc xã {roundUnitCode} của đợt rà soát.',
    },
    en: {
      title: 'Household outside the round’s commune',
      detail: 'Household {householdId} is recorded in {unitCode}, not in the round’s commune {roundUnitCode}.',
    },
  },
  ROUND_HOUSEHOLD_LISTED_TWICE: {
    vi: { title: 'Hộ được nêu hai lần', detail: 'Các hộ sau được nêu hai lần: {households}.' },
    en: { title: 'Household listed twice', detail: 'Households listed twice: {households}.' },
  },
  ROUND_VILLAGE_REQUIRED: {
    vi: {
      title: 'Cần ghi thôn của hộ',
      detail: 'Hồ sơ hộ {householdId} chưa ghi thôn; vui lòng ghi thôn nơi hộ được họp bình xét.',
    },
    en: {
      title: 'Village required',
      detail: 'Household {householdId} has no village recorded; state the village it meets in.',
    },
  },
  ROUND_VILLAGE_MISMATCH: {
    vi: {
      title: 'Hộ thuộc thôn khác',
      detail: 'Hộ {householdId} được rà soát ở thôn {village}, không phải thôn {meetingVillage}.',
    },
    en: {
      title: 'Household of another village',
      detail: 'Household {householdId} was proposed in {village}, not in {meetingVillage}.',
    },
  },
  ROUND_MEETING_OUTCOME_MISSING: {
    vi: {
      title: 'Thiếu kết quả bình xét',
      detail:
        'Cuộc họp ở thôn {village} phải có kết quả cho mọi hộ đang chờ bình xét: còn thiếu {households:count} hộ.',
    },
    en: {
      title: 'Meeting outcome missing',
      detail: 'The {village} meeting must rule on every proposal still waiting: {households:count} missing.',
    },
  },
  ROUND_MEETING_OUTCOME_RECORDED: {
    vi: {
      title: 'Hộ đã được bình xét',
      detail:
        'Hộ {householdId} đã được bình xét tại cuộc họp thôn {village} ngày {heldOn:date}; thay đổi lúc này chỉ qua khiếu nại sau khi niêm yết.',
    },
    en: {
      title: 'Household already agreed',
      detail:
        'Household {householdId} was already agreed at the {village} meeting on {heldOn:date}; a change now goes through a complaint.',
    },
  },
  ROUND_COMPLAINT_OPEN: {
    vi: {
      title: 'Khiếu nại đang chờ giải quyết',
      detail: 'Hộ {householdId} đã có khiếu nại nhận ngày {receivedOn:date} chưa được giải quyết.',
    },
    en: {
      title: 'Complaint still open',
      detail: 'Household {householdId} has a complaint received on {receivedOn:date} still open.',
    },
  },
  ROUND_NO_OPEN_COMPLAINT: {
    vi: {
      title: 'Không có khiếu nại cần giải quyết',
      detail: 'Hộ {householdId} không có khiếu nại nào đang chờ giải quyết.',
    },
    en: { title: 'No open complaint', detail: 'Household {householdId} has no open complaint.' },
  },
  ROUND_NOT_DECIDED: {
    vi: { title: 'Đợt rà soát chưa có quyết định', detail: 'Đợt rà soát {roundId} chưa có quyết định phê duyệt.' },
    en: { title: 'Round not decided', detail: 'Round {roundId} has no decision yet.' },
  },
  ROUND_DECISION_ALREADY_APPLIED: {
    vi: {
      title: 'Quyết định đã được cập nhật',
      detail: 'Quyết định của đợt rà soát {roundId} đã được cập nhật vào hồ sơ của cả {households:number} hộ.',
    },
    en: {
      title: 'Decision already applied',
      detail: 'The decision of round {roundId} is already applied to its {households:number} household(s).',
    },
  },
} as const satisfies Partial<Record<DomainErrorCode, ProblemTexts>>;

/** Problems the gateway answers about review rounds besides the domain's. */
export const REVIEW_ROUND_API_PROBLEM_MESSAGES = {
  ROUND_DECISION_NOT_APPLICABLE: {
    vi: {
      title: 'Chưa thể ban hành quyết định',
      detail:
        'Kết quả của {households:count} hộ không thể cập nhật vào hồ sơ hộ (chi tiết trong danh sách households); vui lòng xử lý hồ sơ các hộ này trước.',
    },
    en: {
      title: 'The decision cannot be applied',
      detail:
        'The results of {households:count} household(s) cannot be recorded in their histories (listed in households); settle them first.',
    },
  },
} as const satisfies Readonly<Record<string, ProblemTexts>>;
