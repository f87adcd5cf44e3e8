import type { DomainErrorCode } from '../shared/error-codes.js';
import type { ProblemTexts } from './format.js';

/** Domain errors of a household's lifecycle, members, geography, reviews and flag. */
export const HOUSEHOLD_PROBLEM_MESSAGES = {
  // the household's lifecycle
  HOUSEHOLD_ALREADY_REGISTERED: {
    vi: { title: 'Hộ đã được đăng ký', detail: 'Hộ gia đình này đã được đăng ký trước đó, không thể đăng ký lại.' },
    en: { title: 'Household already registered', detail: 'This household is already registered.' },
  },
  HOUSEHOLD_NOT_FOUND: {
    vi: {
      title: 'Không tìm thấy hộ',
      detail: 'Không tìm thấy hộ gia đình này, hoặc hộ không thuộc địa bàn bạn được phân công theo dõi.',
    },
    en: { title: 'Household not found', detail: 'No such household, or it is not in the units you follow.' },
  },
  HOUSEHOLD_CLOSED: {
    vi: {
      title: 'Hồ sơ hộ đã đóng',
      detail:
        'Hồ sơ theo dõi của hộ đã đóng[ từ ngày {closedOn:date}][ (lý do: {closeReason:closeReason})], không thể ghi nhận thêm thông tin.',
    },
    en: {
      title: 'Household closed',
      detail:
        'The household was closed[ on {closedOn:date}][ ({closeReason:closeReason})]; nothing more can be recorded.',
    },
  },
  HOUSEHOLD_ID_MISMATCH: {
    vi: {
      title: 'Mã hộ không khớp',
      detail: 'Thao tác ghi cho một hộ nhưng dữ liệu đang mở là của hộ khác. Vui lòng tải lại hồ sơ và thực hiện lại.',
    },
    en: {
      title: 'Household mismatch',
      detail: 'The command names one household but the state loaded is another’s. Reload and try again.',
    },
  },
  NOTHING_CHANGED: {
    vi: {
      title: 'Không có thay đổi',
      detail: 'Thông tin gửi lên trùng với thông tin đã ghi nhận, không có gì để cập nhật.',
    },
    en: { title: 'Nothing changed', detail: 'What was sent is already recorded; there is nothing to update.' },
  },
  COUNT_OUT_OF_RANGE: {
    vi: {
      title: 'Số lượng không hợp lệ',
      detail: 'Số lượng phải là số nguyên từ 1 đến {max:number}[ (đã nhập {value:number})].',
    },
    en: {
      title: 'Count out of range',
      detail: 'The count must be a whole number from 1 to {max:number}[ ({value:number} given)].',
    },
  },
  MEMBERS_ARE_LISTED: {
    vi: {
      title: 'Hộ đã có danh sách thành viên',
      detail:
        'Số nhân khẩu của hộ được tính theo danh sách thành viên; hãy thêm hoặc bớt thành viên thay vì sửa số nhân khẩu.',
    },
    en: {
      title: 'Members are listed',
      detail: 'This household lists its members, so its size follows the list: add or remove members instead.',
    },
  },
  MEMBER_ALREADY_LISTED: {
    vi: { title: 'Thành viên đã có trong danh sách', detail: 'Thành viên này đã có trong danh sách nhân khẩu của hộ.' },
    en: { title: 'Member already listed', detail: 'This member is already on the household’s list.' },
  },
  MEMBER_NOT_FOUND: {
    vi: {
      title: 'Không tìm thấy thành viên',
      detail: 'Thành viên này không có trong danh sách nhân khẩu hiện tại của hộ.',
    },
    en: { title: 'Member not found', detail: 'This member is not on the household’s current list.' },
  },
  HEAD_ALREADY_LISTED: {
    vi: {
      title: 'Hộ đã có chủ hộ',
      detail: 'Danh sách đã có chủ hộ; hãy sửa quan hệ với chủ hộ của thành viên đó trước.',
    },
    en: { title: 'Head already listed', detail: 'The household already lists its head: change that member first.' },
  },
  LAST_MEMBER: {
    vi: {
      title: 'Không thể xóa thành viên cuối cùng',
      detail: 'Không thể xóa thành viên cuối cùng khỏi danh sách; nếu hộ không còn ai, hãy đóng hồ sơ hộ.',
    },
    en: {
      title: 'Last member',
      detail: 'The last listed member cannot be removed: close the household instead.',
    },
  },
  NOTHING_TO_ERASE: {
    vi: {
      title: 'Không còn dữ liệu cá nhân để xoá',
      detail: 'Dữ liệu cá nhân của hộ này đã được xoá trước đó và chưa có dữ liệu cá nhân mới nào được ghi.',
    },
    en: {
      title: 'Nothing to erase',
      detail: 'The household’s personal data was already erased and none has been recorded since.',
    },
  },
  // geography
  UNKNOWN_UNIT: {
    vi: {
      title: 'Mã đơn vị hành chính không tồn tại',
      // The domain names one code (unitCode); an account's unit list names every unknown one (codes).
      detail:
        '[Không có đơn vị hành chính nào mang mã {unitCode}.][Không có đơn vị hành chính nào mang các mã: {codes}.]',
    },
    en: {
      title: 'Unknown unit',
      detail: '[No administrative unit has code {unitCode}.][No such units today: {codes}.]',
    },
  },
  UNIT_NOT_VALID_ON_DATE: {
    vi: {
      title: 'Đơn vị hành chính không còn hiệu lực',
      detail: 'Mã đơn vị {unitCode} không có hiệu lực vào ngày {date:date}.[ Địa bàn này nay thuộc: {successors}.]',
    },
    en: {
      title: 'Unit not valid on that date',
      detail: 'Unit {unitCode} is not valid on {date:date}.[ Its territory is now: {successors}.]',
    },
  },
  UNIT_NOT_A_COMMUNE: {
    vi: {
      title: 'Không phải đơn vị hành chính cấp xã',
      detail: 'Hộ gia đình phải thuộc một xã, phường hoặc đặc khu; mã {unitCode} là {level:level}.',
    },
    en: { title: 'Not a commune', detail: 'A household lives in a commune; {unitCode} is a {level:level}.' },
  },
  AREA_REQUIRED: {
    vi: {
      title: 'Cần ghi rõ khu vực',
      detail: 'Không xác định được khu vực theo loại đơn vị của {unitCode}; hãy ghi rõ hộ ở nông thôn hay thành thị.',
    },
    en: { title: 'Area required', detail: 'The kind of unit {unitCode} sets no area: state rural or urban.' },
  },
  AREA_OVERRIDE_NEEDS_REASON: {
    vi: {
      title: 'Cần nêu lý do khi ghi khác khu vực',
      detail: 'Đơn vị {unitCode} thuộc khu vực {area:area}; muốn ghi hộ ở khu vực {stated:area} thì phải nêu lý do.',
    },
    en: {
      title: 'Area override needs a reason',
      detail: 'Unit {unitCode} is {area:area}: recording the household as {stated:area} needs a reason.',
    },
  },
  DISTRICT_LEVEL_ABOLISHED: {
    vi: {
      title: 'Cấp huyện đã kết thúc hoạt động',
      detail:
        'Từ ngày 01/7/2025 không còn đơn vị hành chính cấp huyện, nên mã {unitCode} không dùng được vào ngày {date:date}.[ Địa bàn này nay thuộc đơn vị {holder}.]',
    },
    en: {
      title: 'District level abolished',
      detail:
        'Districts were abolished on 1 July 2025: {unitCode} cannot be used on {date:date}.[ Its territory is now under {holder}.]',
    },
  },
  UNIT_REGISTRY_INVALID: {
    vi: {
      title: 'Danh mục đơn vị hành chính không hợp lệ',
      detail: 'Danh mục đơn vị hành chính không nhất quán[ (mã {unitCode})] nên không được chấp nhận.',
    },
    en: {
      title: 'Unit registry invalid',
      detail: 'The unit list is not consistent[ (unit {unitCode})] and was refused.',
    },
  },
  CSV_INVALID: {
    vi: {
      title: 'Tệp CSV không hợp lệ',
      detail: 'Tệp CSV không đúng định dạng[ ở dòng {line}][; thiếu các cột: {missing}].',
    },
    en: { title: 'Invalid CSV', detail: 'The CSV file is malformed[ at line {line}][; missing columns: {missing}].' },
  },
  // reviews and classification
  REVIEW_BEFORE_PREVIOUS: {
    vi: {
      title: 'Kết quả rà soát sớm hơn lần trước',
      detail:
        'Kết quả rà soát có hiệu lực ngày {effectiveDate:date} không thể đứng trước lần rà soát đã ghi nhận có hiệu lực ngày {previousEffectiveDate:date}.',
    },
    en: {
      title: 'Review before the previous one',
      detail:
        'A review effective {effectiveDate:date} cannot follow the review effective {previousEffectiveDate:date}.',
    },
  },
  INCOME_OUT_OF_RANGE: {
    vi: {
      title: 'Thu nhập bình quân đầu người không hợp lệ',
      detail:
        'Kết quả rà soát phải ghi thu nhập bình quân đầu người là số nguyên không âm (đồng/người/tháng)[, tối đa {max:vnd}]; chỉ khi ghi nhận danh sách ban đầu mới có thể ghi loại danh sách thay cho thu nhập.',
    },
    en: {
      title: 'Income out of range',
      detail:
        'A review records the income per capita as a whole, non-negative number of VND per month[, at most {max:vnd}]; only a baseline may state its list instead.',
    },
  },
  UNKNOWN_INDICATOR: {
    vi: {
      title: 'Chỉ số thiếu hụt không thuộc chuẩn nghèo',
      detail: 'Chỉ số {unknown} không thuộc chuẩn nghèo {standardId}.[ Các chỉ số hợp lệ: {allowed}.]',
    },
    en: {
      title: 'Unknown indicator',
      detail: 'Not indicators of standard {standardId}: {unknown}.[ Allowed: {allowed}.]',
    },
  },
  DUPLICATE_INDICATOR: {
    vi: { title: 'Chỉ số thiếu hụt bị trùng', detail: 'Các chỉ số thiếu hụt sau được nêu hai lần: {duplicates}.' },
    en: { title: 'Duplicate indicator', detail: 'Indicators listed twice: {duplicates}.' },
  },
  LIST_YEAR_OUT_OF_RANGE: {
    vi: {
      title: 'Năm danh sách không phù hợp',
      detail:
        'Kết quả {reviewType:reviewType} có hiệu lực ngày {effectiveDate:date} không thể quyết định danh sách năm {listYear}.[ Năm danh sách hợp lệ: {allowed:or}.]',
    },
    en: {
      title: 'List year out of range',
      detail:
        'A {reviewType:reviewType} effective {effectiveDate:date} cannot decide the lists of {listYear}.[ Allowed: {allowed:or}.]',
    },
  },
  LIST_YEAR_REQUIRED: {
    vi: {
      title: 'Cần ghi năm danh sách',
      detail:
        'Kết quả {reviewType:reviewType} có hiệu lực ngày {effectiveDate:date} phải ghi rõ năm danh sách được quyết định ({allowed:or}).',
    },
    en: {
      title: 'List year required',
      detail:
        'A {reviewType:reviewType} effective {effectiveDate:date} must state the list year it decides ({allowed:or}).',
    },
  },
  BASELINE_NOT_FIRST: {
    vi: {
      title: 'Danh sách ban đầu phải được ghi nhận đầu tiên',
      detail:
        'Danh sách ban đầu ghi nhận danh sách hộ đang thuộc khi bắt đầu theo dõi, nhưng hộ này đã có kết quả rà soát có hiệu lực ngày {previousEffectiveDate:date}.',
    },
    en: {
      title: 'Baseline not first',
      detail:
        'A baseline records the list a household was on when follow-up began, but this household was already reviewed on {previousEffectiveDate:date}.',
    },
  },
  NO_STANDARD_FOR_LIST_YEAR: {
    vi: {
      title: 'Chưa có chuẩn nghèo áp dụng',
      detail: 'Chưa có chuẩn nghèo nào áp dụng cho danh sách năm {listYear}.',
    },
    en: { title: 'No standard for that list year', detail: 'No poverty standard decides the lists of {listYear}.' },
  },
  // unable-to-escape flag
  FLAG_ALREADY_SET: {
    vi: {
      title: 'Hộ đã được đánh dấu',
      detail: 'Hộ đã được đánh dấu là hộ không có khả năng thoát nghèo[ từ ngày {since:date}].',
    },
    en: {
      title: 'Flag already set',
      detail: 'The household is already flagged as unable to escape[ since {since:date}].',
    },
  },
  FLAG_NOT_SET: {
    vi: {
      title: 'Hộ chưa được đánh dấu',
      detail: 'Hộ chưa được đánh dấu là hộ không có khả năng thoát nghèo nên không có gì để bỏ đánh dấu.',
    },
    en: { title: 'Flag not set', detail: 'The household is not flagged as unable to escape.' },
  },
  FLAG_REQUIRES_LISTED_HOUSEHOLD: {
    vi: {
      title: 'Chỉ đánh dấu được hộ nghèo, hộ cận nghèo',
      detail:
        'Chỉ hộ nghèo hoặc hộ cận nghèo mới được đánh dấu không có khả năng thoát nghèo; tình trạng hiện tại của hộ: {classification:classification}.',
    },
    en: {
      title: 'Only listed households can be flagged',
      detail: 'Only a poor or near-poor household can be flagged; this household is {classification:classification}.',
    },
  },
} as const satisfies Partial<Record<DomainErrorCode, ProblemTexts>>;
